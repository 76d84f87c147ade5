package dev.esetshop.sdk.event;

/** How an order came to its outcome ({@link OrderEnded#path()}). */
public enum OrderPath {
    /** The host's own {@code EsetShop.order(...)}: a new purchase. */
    ORDER,
    /** {@code EsetShop.order(...)} under a key the journal already knew: the same purchase asked again. */
    RETRY,
    /** An order of {@code EsetShop.renew(licenses, years, batchKey)}. */
    RENEWAL_BATCH,
    /** {@code EsetShop.reconcile()} resending a pending order with its key. */
    RECONCILE
}
