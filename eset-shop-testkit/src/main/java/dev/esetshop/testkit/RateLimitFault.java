package dev.esetshop.testkit;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * A fixed-window rate limit on the sandbox's clock: at most {@link #maxRequests()} requests per {@link #window()} and
 * partner; the ones over it get 429 with {@code Retry-After} set to the whole seconds left in the window (at least
 * 1). As ESET limits each partner account, a sandbox of several partners counts each partner's requests apart: one
 * reseller's burst never throttles another's. A request counts against the partner it is for: a data call by its
 * access token, a {@code Token/Renew} by its refresh token, a {@code Token/Get} by its username (so logins are
 * limited per username too); a call that names no partner of the sandbox (unknown username, foreign or missing
 * token) counts against the first partner, which answers it. With one partner this is one counter, as before.
 */
@Value.Immutable
public abstract class RateLimitFault {
    /** Only the generated implementation extends it. */
    RateLimitFault() {}

    /** The requests allowed in one window. */
    public abstract int maxRequests();

    /** The window's length. */
    @Value.Default
    public Duration window() {
        return Duration.ofSeconds(1);
    }

    /** At most {@code maxRequests} per second. */
    public static RateLimitFault perSecond(int maxRequests) {
        return builder().maxRequests(maxRequests).build();
    }

    /** At most {@code maxRequests} per {@code window}. */
    public static RateLimitFault perWindow(int maxRequests, Duration window) {
        return builder().maxRequests(maxRequests).window(window).build();
    }

    /** A builder. */
    public static Builder builder() {
        return ImmutableRateLimitFault.builder();
    }

    /** Refuses inconsistent values when the value is built. */
    @Value.Check
    void check() {
        if (maxRequests() < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request, not " + maxRequests());
        }
        if (window().toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit window must be at least 1 ms: " + window());
        }
    }

    /** Collects the values of a {@link RateLimitFault}; {@link #build()} checks them. */
    public interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(RateLimitFault instance);

        /**
         * Sets {@link RateLimitFault#maxRequests()}.
         *
         * @param maxRequests the value
         * @return this builder
         */
        Builder maxRequests(int maxRequests);

        /**
         * Sets {@link RateLimitFault#window()}.
         *
         * @param window the value
         * @return this builder
         */
        Builder window(Duration window);

        /**
         * Builds the value.
         *
         * @return the RateLimitFault
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        RateLimitFault build();
    }
}
