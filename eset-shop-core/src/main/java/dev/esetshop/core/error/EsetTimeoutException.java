package dev.esetshop.core.error;

/**
 * ESET's answer did not arrive whole in time: the request timeout or the call's time budget ran out while waiting
 * for the headers or the body (a stalled or trickled answer). An order's outcome is unknown until it is resent with
 * the same idempotency key.
 */
public final class EsetTimeoutException extends EsetOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "ESET_TIMEOUT";

    public EsetTimeoutException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
