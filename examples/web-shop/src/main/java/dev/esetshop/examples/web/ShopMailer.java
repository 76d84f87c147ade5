package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.confirm.ConfirmationEmail;
import dev.esetshop.sdk.confirm.RenderedEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the shop's e-mails over SMTP through Spring Boot's {@link JavaMailSender} (the standard {@code spring.mail.*}
 * properties; without them the demo's {@link LocalMailSink}): each mail in the reseller's language, with a
 * {@code Message-ID} made from the event it tells of, so a redelivered event is recognisably the same mail, and
 * recorded in the {@link MailOutbox}. A mail the server refuses throws: the SDK then delivers the event again later.
 */
@Component
class ShopMailer {

    private static final Logger LOG = LoggerFactory.getLogger(ShopMailer.class);

    /** The right-hand side of every {@code Message-ID} the shop writes. */
    static final String MESSAGE_ID_DOMAIN = "eset-shop";

    private final JavaMailSender sender;
    private final ResellerDirectory directory;
    private final ObjectProvider<EsetShops> shops;
    private final MailOutbox outbox;
    private final Clock clock;
    private final String from;

    ShopMailer(
            JavaMailSender sender,
            ResellerDirectory directory,
            ObjectProvider<EsetShops> shops,
            MailOutbox outbox,
            Clock clock,
            @Value("${eset-shop.mail.from:shop@eset-shop.example}") String from) {
        this.sender = sender;
        this.directory = directory;
        // the registry is built with this class's listener: it is looked up when a mail goes out, not at start
        this.shops = shops;
        this.outbox = outbox;
        this.clock = clock;
        this.from = from;
    }

    /** The {@code Message-ID} of the mail about an event: the same for every delivery of the event. */
    static String messageId(String eventId) {
        return "<" + eventId + "@" + MESSAGE_ID_DOMAIN + ">";
    }

    /** The language the reseller's mails are written in: its account's, when the e-mails have it, else English. */
    Locale language(ResellerId reseller) {
        Locale account =
                directory.account(reseller).map(ResellerAccount::locale).orElse(Locale.ENGLISH);
        Locale language = Locale.forLanguageTag(account.getLanguage());
        return ConfirmationEmail.SUPPORTED.contains(language) ? language : Locale.ENGLISH;
    }

    /** The reseller's e-mail address as ESET knows it (its partner status). */
    String resellerEmail(ResellerId reseller) {
        return shops.getObject().shop(reseller).status().email();
    }

    /**
     * Sends one mail and records it in the outbox.
     *
     * @param reseller whose mail it is
     * @param kind what it is about
     * @param eventId the event it tells of, its {@code Message-ID}
     * @param recipients the addresses, the first as {@code To}, the others as {@code Cc}
     * @param email the rendered mail
     * @param licenseKey a license key the mail carries, masked in the outbox
     */
    void send(
            ResellerId reseller,
            MailOutbox.Kind kind,
            String eventId,
            List<String> recipients,
            RenderedEmail email,
            Optional<Secret> licenseKey) {
        String messageId = messageId(eventId);
        MimeMessage message = new FixedIdMimeMessage(sender.createMimeMessage().getSession(), messageId);
        try {
            MimeMessageHelper mail = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            mail.setFrom(from);
            mail.setTo(recipients.get(0));
            for (String copy : recipients.subList(1, recipients.size())) {
                mail.addCc(copy);
            }
            mail.setSubject(email.subject());
            mail.setText(email.text(), email.html());
        } catch (MessagingException e) {
            throw new MailPreparationException("the " + kind + " mail " + messageId + " cannot be written", e);
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            // the message names the server, never the mail's content (it holds the license key)
            LOG.warn(
                    "the {} mail {} of reseller {} was not taken by the mail server: {}",
                    kind,
                    messageId,
                    reseller,
                    e.getClass().getSimpleName());
            throw e;
        }
        String text = licenseKey
                .map(key -> email.text().replace(key.reveal(), key.masked(4)))
                .orElse(email.text());
        String subject = licenseKey
                .map(key -> email.subject().replace(key.reveal(), key.masked(4)))
                .orElse(email.subject());
        outbox.record(
                reseller,
                new MailOutbox.SentMail(messageId, kind, clock.instant(), List.copyOf(recipients), subject, text));
        LOG.info("{} mail {} of reseller {} sent to {} recipient(s)", kind, messageId, reseller, recipients.size());
    }

    /**
     * A message that keeps the {@code Message-ID} it is given: Jakarta Mail writes a fresh one whenever a message is
     * saved, which would make every redelivery of an event look like a new mail.
     */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
