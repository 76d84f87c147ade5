package dev.esetshop.client;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * The client's own limit on calls to ESET, so a busy marketplace does not run into ESET's 429s: at most
 * {@link #callsPerPeriod()} calls per {@link #period()}; a call over the limit waits for the next period, at most
 * {@link #maxWait()}.
 */
@Value.Immutable
public interface RateLimitSettings {

    /** Calls allowed per period (default 10). */
    @Value.Default
    default int callsPerPeriod() {
        return 10;
    }

    /** The period (default 1 s). */
    @Value.Default
    default Duration period() {
        return Duration.ofSeconds(1);
    }

    /** The longest a call waits for its turn before it fails as rate limited (default 30 s). */
    @Value.Default
    default Duration maxWait() {
        return Duration.ofSeconds(30);
    }

    /** The defaults: 10 calls per second, waiting at most 30 s. */
    static RateLimitSettings defaults() {
        return builder().build();
    }

    /** A builder, starting from the defaults. */
    static ImmutableRateLimitSettings.Builder builder() {
        return ImmutableRateLimitSettings.builder();
    }

    /** Checks the settings are usable. */
    @Value.Check
    default void check() {
        if (callsPerPeriod() < 1) {
            throw new IllegalArgumentException("rate limit callsPerPeriod must be at least 1, not " + callsPerPeriod());
        }
        if (period().isZero() || period().isNegative() || maxWait().isNegative()) {
            throw new IllegalArgumentException("rate limit period must be positive and maxWait not negative");
        }
    }
}
