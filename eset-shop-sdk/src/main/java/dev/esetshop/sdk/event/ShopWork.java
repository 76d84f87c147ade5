package dev.esetshop.sdk.event;

/** Work a shop traces ({@link ShopListener#onStarted}). */
public enum ShopWork {
    /** An order: placed, answered again under a known key, part of a renewal batch, or resent by a reconcile. */
    ORDER,
    /** A sync of the license book. */
    SYNC,
    /** A reconcile of the order journal. */
    RECONCILE
}
