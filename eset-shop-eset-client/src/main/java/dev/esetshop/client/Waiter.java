package dev.esetshop.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the client waits between retries and for the rate limiter. Production waits in real time; a test injects a
 * waiter that records the asked durations and advances a fake clock, so no test waits.
 */
@FunctionalInterface
public interface Waiter {

    /** Waits in real time. */
    Waiter REAL_TIME = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    /**
     * Waits for the duration.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void await(Duration duration) throws InterruptedException;
}
