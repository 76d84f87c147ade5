package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.confirm.RenderedEmail;
import dev.esetshop.sdk.confirm.RenewalReminderEmail;
import dev.esetshop.sdk.remind.RenewalReminder;
import dev.esetshop.spring.RenewalRemindersHandler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the shop's renewal reminders go: the demo has no mail server, so, as with the confirmation e-mail it shows
 * after an order, it renders each reseller's reminder e-mail in the reseller's language and keeps the latest one for
 * the status page to preview. The starter's reminder timer and the status page's "send reminders" button both end
 * here; a marketplace hands the rendered e-mail to its mailer instead.
 */
@Component
class ReminderOutbox implements RenewalRemindersHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderOutbox.class);

    private final ResellerDirectory directory;
    private final Map<ResellerId, RenderedEmail> latest = new ConcurrentHashMap<>();

    ReminderOutbox(ResellerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void onRenewalsDue(ResellerId reseller, List<RenewalReminder> reminders) {
        Locale locale = directory.account(reseller).map(ResellerAccount::locale).orElse(Locale.ENGLISH);
        RenderedEmail email = RenewalReminderEmail.render(reminders, locale);
        latest.put(reseller, email);
        LOG.info("renewal reminder e-mail for reseller {}: {}", reseller, email.subject());
    }

    /** The latest reminder e-mail of the reseller, when one went out since the shop started. */
    Optional<RenderedEmail> latest(ResellerId reseller) {
        return Optional.ofNullable(latest.get(reseller));
    }
}
