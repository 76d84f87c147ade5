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
public interface RetrySettings {

    /** How many times a call is sent at most, the first attempt included (default 6). */
    @Value.Default
    default int maxAttempts() {
        return 6;
    }

    /** The back-off before the first retry, doubled for each further one before jitter (default 200 ms). */
    @Value.Default
    default Duration baseDelay() {
        return Duration.ofMillis(200);
    }

    /** The longest back-off between two attempts before jitter (default 10 s). */
    @Value.Default
    default Duration maxDelay() {
        return Duration.ofSeconds(10);
    }

    /** The longest wait a {@code Retry-After} header can ask for; longer asks are cut to this (default 30 s). */
    @Value.Default
    default Duration maxRetryAfter() {
        return Duration.ofSeconds(30);
    }

    /** The time a call may take in all, waits included; no retry starts that would end after it (default 30 s). */
    @Value.Default
    default Duration totalBudget() {
        return Duration.ofSeconds(30);
    }

    /** The seed of the jitter's random source, for reproducible tests; empty uses an unseeded source. */
    OptionalLong jitterSeed();

    /** The defaults: 6 attempts, 200 ms base, 10 s cap, full jitter, 30 s budget, Retry-After up to 30 s. */
    static RetrySettings defaults() {
        return builder().build();
    }

    /** A builder, starting from the defaults. */
    static ImmutableRetrySettings.Builder builder() {
        return ImmutableRetrySettings.builder();
    }

    /** Checks the settings are usable. */
    @Value.Check
    default void check() {
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
}
