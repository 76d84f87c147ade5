package dev.esetshop.sdk.event;

/**
 * Every renewal reminder listener took a round's reminders ({@link ShopListener#onRemindersDelivered}).
 *
 * @param delivered how many reminders the round delivered now, at least one
 */
public record RemindersDelivered(int delivered) {

    /** Checked values. */
    public RemindersDelivered {
        if (delivered < 1) {
            throw new IllegalArgumentException("a round delivers at least one reminder, not " + delivered);
        }
    }
}
