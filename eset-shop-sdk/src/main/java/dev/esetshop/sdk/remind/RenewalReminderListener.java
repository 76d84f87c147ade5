package dev.esetshop.sdk.remind;

import java.util.List;

/**
 * Receives the renewal reminders of a reseller, all reminders of one round in one call (typically one e-mail with
 * {@code RenewalReminderEmail}). Called on the thread that runs {@code EsetShop.deliverReminders()}; an exception
 * thrown here is logged, and the round's reminders are delivered again (to every listener, with the same event ids)
 * by the next round. Delivery is at least once: de-duplicate by {@link RenewalReminder#eventId()}.
 */
@FunctionalInterface
public interface RenewalReminderListener {

    /**
     * Called with the reminders this shop claimed in a round, never with an empty list.
     *
     * @param reminders the reminders, sorted by expiry, then license id
     */
    void onRenewalsDue(List<RenewalReminder> reminders);
}
