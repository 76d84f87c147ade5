package dev.esetshop.client;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * The client's own limit on calls to ESET, so a busy marketplace does not run into ESET's 429s: at most
 * {@link #callsPerPeriod()} calls per {@link #period()}; a call over the limit waits for the next period, at most
 * {@link #maxWait()}.
 */
@Value.Immutable
public abstract class RateLimitSettings {
    /** Only the generated implementation extends it. */
    RateLimitSettings() {}

    /** Calls allowed per period (default 10). */
    @Value.Default
    public int callsPerPeriod() {
        return 10;
    }

    /** The period (default 1 s). */
    @Value.Default
    public Duration period() {
        return Duration.ofSeconds(1);
    }

    /** The longest a call waits for its turn before it fails as rate limited (default 30 s). */
    @Value.Default
    public Duration maxWait() {
        return Duration.ofSeconds(30);
    }

    /** The defaults: 10 calls per second, waiting at most 30 s. */
    public static RateLimitSettings defaults() {
        return builder().build();
    }

    /** A builder, starting from the defaults. */
    public static Builder builder() {
        return ImmutableRateLimitSettings.builder();
    }

    /** Checks the settings are usable. */
    @Value.Check
    void check() {
        if (callsPerPeriod() < 1) {
            throw new IllegalArgumentException("rate limit callsPerPeriod must be at least 1, not " + callsPerPeriod());
        }
        if (period().isZero() || period().isNegative() || maxWait().isNegative()) {
            throw new IllegalArgumentException("rate limit period must be positive and maxWait not negative");
        }
    }

    /** Collects the values of a {@link RateLimitSettings}; {@link #build()} checks them. */
    public interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(RateLimitSettings instance);

        /**
         * Sets {@link RateLimitSettings#callsPerPeriod()}.
         *
         * @param callsPerPeriod the value
         * @return this builder
         */
        Builder callsPerPeriod(int callsPerPeriod);

        /**
         * Sets {@link RateLimitSettings#period()}.
         *
         * @param period the value
         * @return this builder
         */
        Builder period(Duration period);

        /**
         * Sets {@link RateLimitSettings#maxWait()}.
         *
         * @param maxWait the value
         * @return this builder
         */
        Builder maxWait(Duration maxWait);

        /**
         * Builds the value.
         *
         * @return the RateLimitSettings
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        RateLimitSettings build();
    }
}
