package dev.esetshop.testkit;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * A fixed-window rate limit on the sandbox's clock: at most {@link #maxRequests()} requests per {@link #window()};
 * the ones over it get 429 with {@code Retry-After} set to the whole seconds left in the window (at least 1).
 */
@Value.Immutable
public interface RateLimitFault {

    /** The requests allowed in one window. */
    int maxRequests();

    /** The window's length. */
    @Value.Default
    default Duration window() {
        return Duration.ofSeconds(1);
    }

    /** At most {@code maxRequests} per second. */
    static RateLimitFault perSecond(int maxRequests) {
        return builder().maxRequests(maxRequests).build();
    }

    /** At most {@code maxRequests} per {@code window}. */
    static RateLimitFault perWindow(int maxRequests, Duration window) {
        return builder().maxRequests(maxRequests).window(window).build();
    }

    /** A builder. */
    static ImmutableRateLimitFault.Builder builder() {
        return ImmutableRateLimitFault.builder();
    }

    /** Refuses inconsistent values when the value is built. */
    @Value.Check
    default void check() {
        if (maxRequests() < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request, not " + maxRequests());
        }
        if (window().toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit window must be at least 1 ms: " + window());
        }
    }
}
