package dev.esetshop.client;

import java.time.Duration;
import java.util.Objects;

/**
 * A call waits for the client's own rate limit ({@link EsetClientListener#onRateLimitWait}).
 *
 * @param call the call
 * @param delay how long it waits
 */
public record RateLimitWait(String call, Duration delay) {

    /** Checked values. */
    public RateLimitWait {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(delay, "delay");
    }
}
