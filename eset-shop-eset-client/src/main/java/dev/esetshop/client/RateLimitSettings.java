package dev.esetshop.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The client's own limit on calls to ESET, so a busy marketplace does not run into ESET's 429s: at most
 * {@link #callsPerPeriod()} calls per {@link #period()}; a call over the limit waits for the next period, at most
 * {@link #maxWait()}.
 *
 * @param callsPerPeriod calls allowed per period, at least 1 (default 10)
 * @param period the period, positive (default 1 s)
 * @param maxWait the longest a call waits for its turn before it fails as rate limited, not negative (default 30 s)
 */
public record RateLimitSettings(int callsPerPeriod, Duration period, Duration maxWait) {

    private static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

    /**
     * Checks the settings are usable.
     *
     * @throws IllegalArgumentException when a value breaks its rule
     */
    public RateLimitSettings {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(maxWait, "maxWait");
        if (callsPerPeriod < 1) {
            throw new IllegalArgumentException("rate limit callsPerPeriod must be at least 1, not " + callsPerPeriod);
        }
        if (period.isZero() || period.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("rate limit period must be positive and maxWait not negative");
        }
    }

    /**
     * The defaults: 10 calls per second, waiting at most 30 s.
     *
     * @return the default settings
     */
    public static RateLimitSettings defaults() {
        return perSecond(10);
    }

    /**
     * A number of calls per second, a call waiting at most 30 s for its turn.
     *
     * @param calls calls allowed per second, at least 1
     * @return the settings
     * @throws IllegalArgumentException when {@code calls} is below 1
     */
    public static RateLimitSettings perSecond(int calls) {
        return new RateLimitSettings(calls, Duration.ofSeconds(1), DEFAULT_MAX_WAIT);
    }
}
