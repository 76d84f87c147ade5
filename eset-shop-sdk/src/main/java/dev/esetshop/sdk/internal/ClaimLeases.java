package dev.esetshop.sdk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The lease rule of the order journals' claims, in one place for the adapters in Java (the JDBC journal states it
 * in its SQL): a claim until {@code claimedUntil} is live while {@code now < claimedUntil} and lapsed from
 * {@code claimedUntil} on, so a lease of {@code d} taken at {@code t} holds for exactly {@code [t, t + d)}; a lease
 * must be positive, as a zero one would be lapsed the moment it is taken.
 */
public final class ClaimLeases {

    private ClaimLeases() {}

    /**
     * The lease, checked before any storage is touched.
     *
     * @throws IllegalArgumentException when it is zero or negative
     */
    public static Duration requirePositive(String what, Duration lease) {
        Objects.requireNonNull(lease, what);
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + lease);
        }
        return lease;
    }

    /** True when a claim that holds until {@code claimedUntil} has lapsed at {@code now}. */
    public static boolean lapsed(Instant claimedUntil, Instant now) {
        return !now.isBefore(claimedUntil);
    }
}
