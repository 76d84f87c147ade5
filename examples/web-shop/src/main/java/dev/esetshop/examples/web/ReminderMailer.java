package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.confirm.RenewalReminderEmail;
import dev.esetshop.sdk.remind.RenewalReminder;
import dev.esetshop.spring.RenewalRemindersHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Mails a reseller its due renewal reminders, one {@link RenewalReminderEmail} in its language to its e-mail address.
 * The starter's reminder timer and the status page's "send reminders" button both end here. The mail's
 * {@code Message-ID} is made from the reminders' event ids, so a round delivered again is the same mail.
 */
@Component
class ReminderMailer implements RenewalRemindersHandler {

    private final ShopMailer mailer;

    ReminderMailer(ShopMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void onRenewalsDue(ResellerId reseller, List<RenewalReminder> reminders) {
        mailer.send(
                reseller,
                MailOutbox.Kind.REMINDER,
                eventId(reminders),
                List.of(mailer.resellerEmail(reseller)),
                RenewalReminderEmail.render(reminders, mailer.language(reseller)),
                Optional.empty());
    }

    /** One id for the reminders of a mail: the same reminders, in any order, give the same id. */
    static String eventId(List<RenewalReminder> reminders) {
        String ids = reminders.stream().map(RenewalReminder::eventId).sorted().collect(Collectors.joining(","));
        return UUID.nameUUIDFromBytes(("eset-shop/renewal-reminders/" + ids).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
