package dev.esetshop.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A fixed-window rate limit on the sandbox's clock: at most {@link #maxRequests()} requests per {@link #window()} and
 * partner; the ones over it get 429 with {@code Retry-After} set to the whole seconds left in the window (at least
 * 1). As ESET limits each partner account, a sandbox of several partners counts each partner's requests apart: one
 * reseller's burst never throttles another's. A request counts against the partner it is for: a data call by its
 * access token, a {@code Token/Renew} by its refresh token, a {@code Token/Get} by its username (so logins are
 * limited per username too); a call that names no partner of the sandbox (unknown username, foreign or missing
 * token) counts against the first partner, which answers it. With one partner this is one counter, as before.
 *
 * @param maxRequests the requests allowed in one window, at least 1
 * @param window the window's length, at least 1 ms
 */
public record RateLimitFault(int maxRequests, Duration window) {

    /**
     * Refuses inconsistent values.
     *
     * @throws IllegalArgumentException when {@code maxRequests} is below 1 or the window shorter than 1 ms
     */
    public RateLimitFault {
        Objects.requireNonNull(window, "window");
        if (maxRequests < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request, not " + maxRequests);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit window must be at least 1 ms: " + window);
        }
    }

    /**
     * At most {@code maxRequests} per second.
     *
     * @param maxRequests the requests allowed in one second, at least 1
     * @return the rate limit
     */
    public static RateLimitFault perSecond(int maxRequests) {
        return new RateLimitFault(maxRequests, Duration.ofSeconds(1));
    }

    /**
     * At most {@code maxRequests} per {@code window}.
     *
     * @param maxRequests the requests allowed in one window, at least 1
     * @param window the window's length, at least 1 ms
     * @return the rate limit
     */
    public static RateLimitFault perWindow(int maxRequests, Duration window) {
        return new RateLimitFault(maxRequests, window);
    }
}
