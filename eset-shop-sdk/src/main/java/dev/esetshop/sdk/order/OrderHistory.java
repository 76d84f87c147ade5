package dev.esetshop.sdk.order;

import dev.esetshop.sdk.internal.ImmutableOrderHistory;
import dev.esetshop.sdk.internal.InternalValue;
import java.util.List;
import org.immutables.value.Value;

/** One page of the order history: its orders, newest first, and whether an older page follows. */
@Value.Immutable
// the shop's own code builds it: its generated class is public in the internal package, which no host reads
@InternalValue
public sealed interface OrderHistory permits ImmutableOrderHistory {

    /** The query that read the page. */
    @Value.Parameter
    OrderHistoryQuery query();

    /** The page's orders, newest first; fewer than the query's size on the last page (a damaged entry is left out). */
    @Value.Parameter
    List<OrderRecord> orders();

    /** True when the journal holds older orders matching the query: the next page is not empty. */
    @Value.Parameter
    boolean hasNext();
}
