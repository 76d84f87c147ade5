package dev.esetshop.sdk.order;

import dev.esetshop.core.Operation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which page of the order history to read ({@code EsetShop.orders}): pages of {@link #size()} orders, newest first,
 * numbered from 0, of the orders in {@link #state()} and of {@link #operation()} when given.
 */
@Value.Immutable
public abstract sealed class OrderHistoryQuery permits ImmutableOrderHistoryQuery {

    /** The most orders a page may hold. */
    public static final int MAX_SIZE = 500;

    /** Only the generated implementation extends it. */
    OrderHistoryQuery() {}

    /** The page, from 0 (the newest orders); 0 unless set. */
    @Value.Default
    public int page() {
        return 0;
    }

    /** How many orders a page holds, 1 to {@link #MAX_SIZE}; 20 unless set. */
    @Value.Default
    public int size() {
        return 20;
    }

    /** Only orders in this state; orders in every state when empty. */
    public abstract Optional<JournalEntry.State> state();

    /** Only orders of this operation; orders of every operation when empty. */
    public abstract Optional<Operation> operation();

    /** Refuses a page before the first and a size out of range. */
    @Value.Check
    void check() {
        if (page() < 0) {
            throw new IllegalArgumentException("the page must be 0 or more, not " + page());
        }
        if (size() < 1 || size() > MAX_SIZE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_SIZE + " orders, not " + size());
        }
        // the page's first order must be reachable by an int offset
        Math.multiplyExact(page(), size());
    }

    /**
     * The first page of 20 orders in every state and of every operation.
     *
     * @return the query
     */
    public static OrderHistoryQuery newest() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return ImmutableOrderHistoryQuery.builder();
    }

    /** Collects the values of an {@link OrderHistoryQuery}; {@link #build()} checks them. */
    public interface Builder {
        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(OrderHistoryQuery instance);

        /** 0 or more; default 0, the newest orders. */
        Builder page(int page);

        /** 1 to {@link OrderHistoryQuery#MAX_SIZE}; default 20. */
        Builder size(int size);

        Builder state(JournalEntry.State state);

        Builder operation(Operation operation);

        /**
         * Builds the value.
         *
         * @throws IllegalArgumentException when the page is negative or the size out of range
         */
        OrderHistoryQuery build();
    }
}
