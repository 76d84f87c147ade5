package dev.esetshop.client;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * When the client stops calling ESET for a while: over a sliding window of the last calls, a failure rate at or
 * above the threshold opens the breaker; only 5xx answers, connection failures and timeouts count as failures
 * (a 4xx is ESET working correctly). After the open duration a few probe calls decide whether it closes again.
 */
@Value.Immutable
public abstract sealed class CircuitBreakerSettings permits ImmutableCircuitBreakerSettings {
    /** Only the generated implementation extends it. */
    CircuitBreakerSettings() {}

    /** How many of the last calls the failure rate is computed over (default 20). */
    @Value.Default
    public int slidingWindowSize() {
        return 20;
    }

    /** How many calls the window must hold before the rate is judged (default: the window size). */
    @Value.Default
    public int minimumCalls() {
        return slidingWindowSize();
    }

    /** The failure rate in percent at which the breaker opens (default 50). */
    @Value.Default
    public int failureRatePercent() {
        return 50;
    }

    /** How long the breaker stays open before probing (default 30 s). */
    @Value.Default
    public Duration openDuration() {
        return Duration.ofSeconds(30);
    }

    /** How many probe calls the half-open breaker lets through (default 3). */
    @Value.Default
    public int halfOpenProbes() {
        return 3;
    }

    /** The defaults: window 20, opens at 50 %, 30 s open, 3 probes. */
    public static CircuitBreakerSettings defaults() {
        return builder().build();
    }

    /** A builder, starting from the defaults. */
    public static Builder builder() {
        return ImmutableCircuitBreakerSettings.builder();
    }

    /** Checks the settings are usable. */
    @Value.Check
    void check() {
        if (slidingWindowSize() < 1 || minimumCalls() < 1 || halfOpenProbes() < 1) {
            throw new IllegalArgumentException("circuit breaker window, minimum calls and probes must be at least 1");
        }
        if (failureRatePercent() < 1 || failureRatePercent() > 100) {
            throw new IllegalArgumentException(
                    "circuit breaker failureRatePercent must be 1 to 100, not " + failureRatePercent());
        }
        if (openDuration().isZero() || openDuration().isNegative()) {
            throw new IllegalArgumentException("circuit breaker openDuration must be positive");
        }
    }

    /** Collects the values of a {@link CircuitBreakerSettings}; {@link #build()} checks them. */
    public interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(CircuitBreakerSettings instance);

        /** At least 1; default 20. */
        Builder slidingWindowSize(int slidingWindowSize);

        /** At least 1; default the window size. */
        Builder minimumCalls(int minimumCalls);

        /** 1 to 100; default 50. */
        Builder failureRatePercent(int failureRatePercent);

        /** Positive; default 30 s. */
        Builder openDuration(Duration openDuration);

        /** At least 1; default 3. */
        Builder halfOpenProbes(int halfOpenProbes);

        /** Builds the settings; throws {@link IllegalArgumentException} when a value breaks its rule. */
        CircuitBreakerSettings build();
    }
}
