package dev.esetshop.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the order journal of every reseller holds open right now ({@link EsetShops#openOrders()}): read from the
 * shared database, so every instance of the marketplace's service sees the same, whichever settled an order.
 */
public final class OpenOrders {

    /** Nothing open. */
    public static final OpenOrders NONE = nonePending(0);

    private final int pending;
    private final @Nullable Instant oldestPendingSince;
    private final int undelivered;

    private OpenOrders(int pending, @Nullable Instant oldestPendingSince, int undelivered) {
        if (pending < 0 || undelivered < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        this.pending = pending;
        this.oldestPendingSince = oldestPendingSince;
        this.undelivered = undelivered;
    }

    /**
     * Open orders of which some are pending.
     *
     * @param pending orders whose outcome at ESET is not known yet, at least one
     * @param oldestPendingSince when the oldest of them was journaled
     * @param undelivered confirmed orders whose confirmation no listener has taken yet
     * @return the counts
     * @throws IllegalArgumentException when nothing is pending or a count is negative
     */
    public static OpenOrders of(int pending, Instant oldestPendingSince, int undelivered) {
        if (pending == 0) {
            throw new IllegalArgumentException("orders are pending since a time only when some are pending");
        }
        return new OpenOrders(pending, Objects.requireNonNull(oldestPendingSince, "oldestPendingSince"), undelivered);
    }

    /**
     * Open orders of which none is pending.
     *
     * @param undelivered confirmed orders whose confirmation no listener has taken yet
     * @return the counts
     * @throws IllegalArgumentException when the count is negative
     */
    public static OpenOrders nonePending(int undelivered) {
        return new OpenOrders(0, null, undelivered);
    }

    /**
     * Orders whose outcome at ESET is not known yet.
     *
     * @return the count
     */
    public int pending() {
        return pending;
    }

    /**
     * When the oldest pending order was journaled.
     *
     * @return the time, empty when none is pending
     */
    public Optional<Instant> oldestPendingSince() {
        return Optional.ofNullable(oldestPendingSince);
    }

    /**
     * Confirmed orders whose confirmation no listener has taken yet.
     *
     * @return the count
     */
    public int undelivered() {
        return undelivered;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof OpenOrders that
                && pending == that.pending
                && Objects.equals(oldestPendingSince, that.oldestPendingSince)
                && undelivered == that.undelivered;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pending, oldestPendingSince, undelivered);
    }

    @Override
    public String toString() {
        return "OpenOrders[pending=" + pending + ", oldestPendingSince=" + oldestPendingSince() + ", undelivered="
                + undelivered + "]";
    }
}
