package dev.esetshop.client;

import java.time.Duration;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * How the client retries a call that failed transiently (5xx, 429, connection failures, timeouts): exponential
 * back-off with full jitter, {@code Retry-After} obeyed up to a cap, bounded by attempts and by a total time budget.
 * Only reads, token calls and orders with an idempotency key are retried, which is every call of the client.
 */
@Value.Immutable
public abstract sealed class RetrySettings permits ImmutableRetrySettings {
    /** Only the generated implementation extends it. */
    RetrySettings() {}

    /** How many times a call is sent at most, the first attempt included (default 6). */
    @Value.Default
    public int maxAttempts() {
        return 6;
    }

    /** The back-off before the first retry, doubled for each further one before jitter (default 200 ms). */
    @Value.Default
    public Duration baseDelay() {
        return Duration.ofMillis(200);
    }

    /** The longest back-off between two attempts before jitter (default 10 s). */
    @Value.Default
    public Duration maxDelay() {
        return Duration.ofSeconds(10);
    }

    /** The longest wait a {@code Retry-After} header can ask for; longer asks are cut to this (default 30 s). */
    @Value.Default
    public Duration maxRetryAfter() {
        return Duration.ofSeconds(30);
    }

    /** The time a call may take in all, waits included; no retry starts that would end after it (default 30 s). */
    @Value.Default
    public Duration totalBudget() {
        return Duration.ofSeconds(30);
    }

    /** The seed of the jitter's random source, for reproducible tests; empty uses an unseeded source. */
    public abstract OptionalLong jitterSeed();

    /** The defaults: 6 attempts, 200 ms base, 10 s cap, full jitter, 30 s budget, Retry-After up to 30 s. */
    public static RetrySettings defaults() {
        return builder().build();
    }

    /** A builder, starting from the defaults. */
    public static Builder builder() {
        return ImmutableRetrySettings.builder();
    }

    /** Checks the settings are usable. */
    @Value.Check
    void check() {
        if (maxAttempts() < 1) {
            throw new IllegalArgumentException("retry maxAttempts must be at least 1, not " + maxAttempts());
        }
        requirePositive("baseDelay", baseDelay());
        requirePositive("maxDelay", maxDelay());
        requirePositive("totalBudget", totalBudget());
        if (maxRetryAfter().isNegative()) {
            throw new IllegalArgumentException("retry maxRetryAfter must not be negative");
        }
        if (baseDelay().compareTo(maxDelay()) > 0) {
            throw new IllegalArgumentException("retry baseDelay must not exceed maxDelay");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("retry " + name + " must be positive, not " + value);
        }
    }

    /** Collects the values of a {@link RetrySettings}; {@link #build()} checks them. */
    public interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(RetrySettings instance);

        /** At least 1; default 6. */
        Builder maxAttempts(int maxAttempts);

        /** Positive, at most the max delay; default 200 ms. */
        Builder baseDelay(Duration baseDelay);

        /** Positive; default 10 s. */
        Builder maxDelay(Duration maxDelay);

        /** Not negative; default 30 s. */
        Builder maxRetryAfter(Duration maxRetryAfter);

        /** Positive; default 30 s. */
        Builder totalBudget(Duration totalBudget);

        /** Default: none, an unseeded source. */
        Builder jitterSeed(long jitterSeed);

        /** Builds the settings; throws {@link IllegalArgumentException} when a value breaks its rule. */
        RetrySettings build();
    }
}
