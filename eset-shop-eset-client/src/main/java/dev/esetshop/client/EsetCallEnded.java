package dev.esetshop.client;

import java.time.Duration;
import java.util.Objects;

/**
 * An ESET call ended ({@link EsetClientListener#onCallEnded}).
 *
 * @param call the call, such as {@code License/Detail} (one of a fixed set)
 * @param outcome {@link #SUCCESS}, or the stable code of the typed failure, such as {@code ESET_TIMEOUT} or
 *     {@code ESET_CIRCUIT_OPEN}
 * @param attempts how many attempts were sent, 0 when none was (the breaker was open, the client closed)
 * @param took how long the call took by the client's clock, retries and waits included
 */
public record EsetCallEnded(String call, String outcome, int attempts, Duration took) {

    /** The outcome of a call ESET answered with success. */
    public static final String SUCCESS = WorkScope.SUCCESS;

    /** Checked values. */
    public EsetCallEnded {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(took, "took");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, not " + attempts);
        }
    }

    /**
     * Whether ESET answered with success.
     *
     * @return true for {@link #SUCCESS}
     */
    public boolean succeeded() {
        return SUCCESS.equals(outcome);
    }
}
