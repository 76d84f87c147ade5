package dev.esetshop.examples.web;

import java.security.Principal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reseller's outbox: the confirmation and reminder mails this instance sent for it, newest first, with the mail
 * server they went to; with the demo's local mail sink, whether the sink received each one.
 */
@Controller
class OutboxPage {

    /** One mail as the page shows it, its time in the reader's locale. */
    record Row(
            String messageId,
            String kind,
            String sentAt,
            String recipients,
            String subject,
            String text,
            Optional<Boolean> received) {}

    private final Resellers resellers;
    private final MailOutbox outbox;
    private final Optional<LocalMailSink.Sink> sink;
    private final Clock clock;
    private final String mailHost;

    OutboxPage(
            Resellers resellers,
            MailOutbox outbox,
            ObjectProvider<LocalMailSink.Sink> sink,
            Clock clock,
            @Value("${spring.mail.host:}") String host,
            @Value("${spring.mail.port:25}") int port) {
        this.resellers = resellers;
        this.outbox = outbox;
        this.sink = Optional.ofNullable(sink.getIfAvailable());
        this.clock = clock;
        this.mailHost =
                this.sink.map(local -> local.host() + ":" + local.port()).orElse(host + ":" + port);
    }

    @GetMapping("/outbox")
    String outbox(Principal user, Model model, Locale locale) {
        Set<String> received =
                sink.map(local -> Set.copyOf(local.receivedMessageIds())).orElse(Set.of());
        DateTimeFormatter at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(clock.getZone());
        List<Row> rows = outbox.of(resellers.id(user)).stream()
                .map(mail -> new Row(
                        mail.messageId(),
                        mail.kind().name(),
                        at.format(mail.sentAt()),
                        String.join(", ", mail.recipients()),
                        mail.subject(),
                        mail.text(),
                        sink.map(local -> received.contains(mail.messageId()))))
                .toList();
        model.addAttribute("mails", rows);
        model.addAttribute("mailServer", mailHost);
        model.addAttribute("localSink", sink.isPresent());
        return "outbox";
    }
}
