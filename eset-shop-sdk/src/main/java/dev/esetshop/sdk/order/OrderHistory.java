package dev.esetshop.sdk.order;

import java.util.List;
import org.immutables.value.Value;

/** One page of the order history: its orders, newest first, and whether an older page follows. */
@Value.Immutable
public interface OrderHistory {

    /** The query that read the page. */
    @Value.Parameter
    OrderHistoryQuery query();

    /** The page's orders, newest first; fewer than the query's size on the last page (a damaged entry is left out). */
    @Value.Parameter
    List<OrderRecord> orders();

    /** True when the journal holds older orders matching the query: the next page is not empty. */
    @Value.Parameter
    boolean hasNext();

    /**
     * A page.
     *
     * @param query the query that read it
     * @param orders its orders, newest first
     * @param hasNext whether an older page follows
     * @return the page
     */
    static OrderHistory of(OrderHistoryQuery query, List<OrderRecord> orders, boolean hasNext) {
        return ImmutableOrderHistory.of(query, orders, hasNext);
    }
}
