package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The e-mails this process handed to the mail server, per reseller, newest first, for the {@code /outbox} page and
 * the previews on the outcome and status pages. Each is kept as the page may show it: the license key a confirmation
 * carries to the end customer is masked here, it never reaches a page. The mail server holds what was delivered
 * (without mail settings the demo's {@link LocalMailSink}); this is the reseller's view of it.
 */
@Component
class MailOutbox {

    /** What a mail was about. */
    enum Kind {
        CONFIRMATION,
        REMINDER
    }

    /**
     * One mail as sent.
     *
     * @param messageId its {@code Message-ID} (the event's id: a redelivery is recognisably the same mail)
     * @param kind what it was about
     * @param sentAt when the server took it
     * @param recipients its addresses
     * @param subject its subject
     * @param text its plain-text body, the license key masked
     */
    record SentMail(
            String messageId, Kind kind, Instant sentAt, List<String> recipients, String subject, String text) {}

    /** The most mails kept per reseller: the page shows the latest, the mail server keeps them all. */
    static final int KEPT = 100;

    private final Map<ResellerId, List<SentMail>> sent = new ConcurrentHashMap<>();

    void record(ResellerId reseller, SentMail mail) {
        List<SentMail> list = sent.computeIfAbsent(reseller, r -> new ArrayList<>());
        synchronized (list) {
            list.add(0, mail);
            if (list.size() > KEPT) {
                list.remove(list.size() - 1);
            }
        }
    }

    /** The reseller's mails, newest first. */
    List<SentMail> of(ResellerId reseller) {
        List<SentMail> list = sent.getOrDefault(reseller, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The latest mail of the reseller with this message id (a redelivered event was sent again with the same). */
    Optional<SentMail> find(ResellerId reseller, String messageId) {
        return of(reseller).stream()
                .filter(mail -> mail.messageId().equals(messageId))
                .findFirst();
    }

    /** The reseller's latest mail of a kind. */
    Optional<SentMail> latest(ResellerId reseller, Kind kind) {
        return of(reseller).stream().filter(mail -> mail.kind() == kind).findFirst();
    }
}
