package dev.esetshop.client;

import java.time.Duration;

/**
 * Receives the client's resilience events, for metrics: retries, circuit breaker state changes and rate-limit
 * waits. The client also logs them at DEBUG. Methods are called on the calling thread and must return quickly.
 */
public interface ResilienceListener {

    /** A listener that ignores every event. */
    ResilienceListener NONE = new ResilienceListener() { };

    /**
     * A call failed transiently and is sent again after a wait.
     *
     * @param call the call, such as {@code License/Detail}
     * @param attempt the attempt that failed, from 1
     * @param wait the wait before the next attempt
     * @param reason why, such as {@code HTTP 503} (never a secret)
     */
    default void onRetry(String call, int attempt, Duration wait, String reason) {
    }

    /**
     * The circuit breaker changed state.
     *
     * @param from the old state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ...)
     * @param to the new state
     */
    default void onCircuitStateChange(String from, String to) {
    }

    /**
     * A call waits for the client's own rate limit.
     *
     * @param call the call
     * @param wait how long it waits
     */
    default void onRateLimitWait(String call, Duration wait) {
    }
}
