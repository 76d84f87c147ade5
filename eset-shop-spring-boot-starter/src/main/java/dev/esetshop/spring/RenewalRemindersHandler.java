package dev.esetshop.spring;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.remind.RenewalReminder;
import java.util.List;

/**
 * The host's bean that receives each reseller's renewal reminders from the starter's scheduled rounds
 * ({@code eset.shop.reminders.*}), typically one {@code RenewalReminderEmail} to the reseller. A handler that throws
 * makes the next round deliver the same reminders again (same event ids); one that returns has them recorded
 * delivered, never sent again by any instance.
 */
@FunctionalInterface
public interface RenewalRemindersHandler {

    /**
     * Called with the reminders of one reseller that a round claimed, never with an empty list.
     *
     * @param reseller the reseller
     * @param reminders its due reminders, sorted by expiry
     */
    void onRenewalsDue(ResellerId reseller, List<RenewalReminder> reminders);
}
