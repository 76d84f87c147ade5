package dev.esetshop.sdk.event;

import dev.esetshop.client.WorkScope;

/**
 * Receives what a shop does, for metrics and traces. Every method has a no-op default, so a listener implements only
 * what it needs. Methods are called on the thread doing the work and must return quickly and be thread-safe; a method
 * that throws is logged and ignored: a listener never breaks an order, a sync or a reconcile. No event carries a
 * secret (no credential, license key or end customer's data).
 */
public interface ShopListener {

    /** A listener that ignores every event. */
    ShopListener NONE = new ShopListener() {};

    /**
     * An order, a sync or a reconcile starts: a tracer opens a span here and ends it in the returned scope, which the
     * shop ends once, on this thread, with the work's outcome (for an order {@code ordered}, {@code refused} or
     * {@code pending}; for a sync or reconcile {@code success} or the stable code of its failure). The ESET calls made
     * meanwhile start and end inside it.
     *
     * @param work what starts
     * @return what ends with the work, {@link WorkScope#NONE} by default
     */
    default WorkScope onStarted(ShopWork work) {
        return WorkScope.NONE;
    }

    /**
     * An order came to an outcome, from any path.
     *
     * @param ended the path, the outcome, the key and how long it took
     */
    default void onOrderEnded(OrderEnded ended) {}

    /**
     * A reconcile of the shop's journal ended.
     *
     * @param ended its outcome, its report when it completed, and how long it took
     */
    default void onReconcileEnded(ReconcileEnded ended) {}

    /**
     * A sync of the shop's license book ended.
     *
     * @param ended its outcome, its report when it completed, and how long it took
     */
    default void onSyncEnded(SyncEnded ended) {}

    /**
     * A confirmation was taken by every confirmation listener (and is marked delivered).
     *
     * @param delivered the order's key and number, and whether it was delivered again by a reconcile
     */
    default void onConfirmationDelivered(ConfirmationDelivered delivered) {}

    /**
     * A round of renewal reminders was taken by every reminder listener.
     *
     * @param delivered how many reminders the round delivered
     */
    default void onRemindersDelivered(RemindersDelivered delivered) {}
}
