package dev.esetshop.client;

/**
 * Receives what an ESET client does, for metrics and traces: every call's start and end, its retries, the circuit
 * breaker's state changes and the waits for the client's own rate limit. Every method has a no-op default, so a
 * listener implements only what it needs. Methods are called on the calling thread and must return quickly; a method
 * that throws is logged and ignored (a listener never breaks a call). No event carries a secret: no credential, token,
 * license key or body.
 *
 * <p>A token call the client makes on the way ({@code Token/Get}, {@code Token/Renew}) is a call of its own, started
 * and ended inside the call it serves.
 */
public interface EsetClientListener {

    /** A listener that ignores every event. */
    EsetClientListener NONE = new EsetClientListener() {};

    /**
     * A call starts (before its first attempt): a tracer opens a span here and ends it in the returned scope, which
     * the client ends once, on this thread, with the call's outcome.
     *
     * @param call the call, such as {@code License/Detail} (one of a fixed set)
     * @return what ends with the call, {@link WorkScope#NONE} by default
     */
    default WorkScope onCallStarted(String call) {
        return WorkScope.NONE;
    }

    /**
     * A call ended, with ESET's answer or a typed failure, retries and waits included.
     *
     * @param ended the call, its outcome, attempts and duration
     */
    default void onCallEnded(EsetCallEnded ended) {}

    /**
     * A call failed transiently and is sent again after a wait.
     *
     * @param retry the call, the attempt that failed, the wait and the reason
     */
    default void onRetry(EsetRetry retry) {}

    /**
     * The client's circuit breaker changed state.
     *
     * @param transition the old and the new state
     */
    default void onCircuitStateChange(BreakerTransition transition) {}

    /**
     * A call waits for the client's own rate limit.
     *
     * @param wait the call and how long it waits
     */
    default void onRateLimitWait(RateLimitWait wait) {}
}
