package dev.esetshop.sdk.internal;

import dev.esetshop.sdk.order.OrderHistoryQuery;

/**
 * Where a page of the order history starts and how many entries a journal adapter reads for it, so every adapter
 * answers {@code OrderJournal.page} alike.
 */
public final class JournalPages {

    private JournalPages() {}

    /** How many matching entries come before the query's page (the query keeps it within an {@code int}). */
    public static int offset(OrderHistoryQuery query) {
        return Math.multiplyExact(query.page(), query.size());
    }

    /** The entries of the query's page and the first of the next one, which tells that an older page follows. */
    public static int limit(OrderHistoryQuery query) {
        return query.size() + 1;
    }

    /**
     * Checks the limit of {@code OrderJournal.latest}.
     *
     * @throws IllegalArgumentException when the limit is below 1
     */
    public static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
    }
}
