package dev.esetshop.core.error;

/**
 * The call's outcome is unknown, or its failure transient: no answer came (transport, timeout), ESET was
 * unavailable or rate limited the client, the client's circuit breaker was open, or the answer could not be read
 * (too large, not the protocol). The same call may succeed later, so it is {@linkplain #retryable() retryable}; an
 * order must be resent with the same idempotency key (the shop's {@code reconcile()} does), never with a new one,
 * since ESET may have ordered already.
 */
public abstract sealed class EsetOutcomeUnknownException extends EsetApiException
        permits TransportException,
                EsetUnavailableException,
                RateLimitedException,
                CircuitOpenException,
                EsetTimeoutException,
                ResponseTooLargeException,
                EsetProtocolException {

    private static final long serialVersionUID = 1L;

    protected EsetOutcomeUnknownException(String message, Failure failure) {
        super(message, failure);
    }

    /**
     * The same call, later and with the same idempotency key, may succeed.
     *
     * @return {@code true}
     */
    @Override
    public final boolean retryable() {
        return true;
    }
}
