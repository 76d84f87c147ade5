package dev.esetshop.client;

import java.util.Objects;

/**
 * A client's circuit breaker changed state ({@link EsetClientListener#onCircuitStateChange}).
 *
 * @param from the old state: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or another of Resilience4j's states)
 * @param to the new state
 */
public record BreakerTransition(String from, String to) {

    /** The state of a breaker that lets no call through. */
    public static final String OPEN = "OPEN";

    /** Checked values. */
    public BreakerTransition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Whether the breaker opened with this change.
     *
     * @return true when it went to {@code OPEN} from another state
     */
    public boolean opened() {
        return OPEN.equals(to) && !OPEN.equals(from);
    }

    /**
     * Whether the breaker left the open state with this change.
     *
     * @return true when it went from {@code OPEN} to another state
     */
    public boolean closedFromOpen() {
        return OPEN.equals(from) && !OPEN.equals(to);
    }
}
