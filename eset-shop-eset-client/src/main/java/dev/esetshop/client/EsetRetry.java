package dev.esetshop.client;

import java.time.Duration;
import java.util.Objects;

/**
 * A call failed transiently and is sent again after a wait ({@link EsetClientListener#onRetry}).
 *
 * @param call the call, such as {@code License/Detail}
 * @param attempt the attempt that failed, from 1
 * @param delay the wait before the next attempt
 * @param reason why, such as {@code HTTP 503} (never a secret)
 */
public record EsetRetry(String call, int attempt, Duration delay, String reason) {

    /** Checked values. */
    public EsetRetry {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(reason, "reason");
    }
}
