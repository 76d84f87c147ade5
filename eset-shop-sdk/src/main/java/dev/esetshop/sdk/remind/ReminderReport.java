package dev.esetshop.sdk.remind;

import java.util.List;

/**
 * What one round of {@code EsetShop.deliverReminders()} did.
 *
 * @param due the reminders due today (with a quote)
 * @param delivered the reminders this round delivered to the listeners and recorded delivered
 * @param deliveredBefore the due reminders an earlier round (of this or another instance) delivered: not sent again
 * @param heldElsewhere the due reminders another instance is delivering now (it holds their claim)
 * @param failed the reminders claimed but not delivered (a listener threw, or the record failed): the next round
 *     delivers them again with the same event ids
 * @param notQuoted the due licenses whose renewal could not be quoted
 */
public record ReminderReport(
        int due,
        int delivered,
        int deliveredBefore,
        int heldElsewhere,
        int failed,
        List<RemindersDue.NotQuoted> notQuoted) {

    /** Copies the list. */
    public ReminderReport {
        notQuoted = List.copyOf(notQuoted);
    }
}
