package dev.esetshop.sdk.event;

import dev.esetshop.sdk.OrderResult;

/** What an order came to ({@link OrderEnded#outcome()}), as {@link OrderResult} says it. */
public enum OrderOutcome {
    /** ESET issued the license. */
    ORDERED,
    /** Refused: by the shop's checks, or by ESET for good. */
    REFUSED,
    /** The outcome is not known yet; a reconcile settles it with the same key. */
    PENDING;

    /**
     * The outcome of a result.
     *
     * @param result an order's result
     * @return its outcome
     */
    public static OrderOutcome of(OrderResult result) {
        if (result instanceof OrderResult.Ordered) {
            return ORDERED;
        }
        return result instanceof OrderResult.Refused ? REFUSED : PENDING;
    }

    /**
     * The outcome as a tag or span value.
     *
     * @return {@code ordered}, {@code refused} or {@code pending}
     */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
