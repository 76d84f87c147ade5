package dev.esetshop.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the order journal of every reseller holds open right now ({@link EsetShops#openOrders()}): read from the
 * shared database, so every instance of the marketplace's service sees the same, whichever settled an order.
 *
 * @param pending orders whose outcome at ESET is not known yet
 * @param oldestPendingSince when the oldest of them was journaled, empty when none is pending
 * @param undelivered confirmed orders whose confirmation no listener has taken yet
 */
public record OpenOrders(int pending, Optional<Instant> oldestPendingSince, int undelivered) {

    /** Nothing open. */
    public static final OpenOrders NONE = new OpenOrders(0, Optional.empty(), 0);

    /** Checked counts. */
    public OpenOrders {
        Objects.requireNonNull(oldestPendingSince, "oldestPendingSince");
        if (pending < 0 || undelivered < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (pending == 0 != oldestPendingSince.isEmpty()) {
            throw new IllegalArgumentException("the oldest pending order is known exactly when orders are pending");
        }
    }
}
