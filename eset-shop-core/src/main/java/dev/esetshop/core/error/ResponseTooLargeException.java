package dev.esetshop.core.error;

/**
 * ESET's answer was larger than the client's response size cap, so the client stopped reading it: an answer that
 * large is an ESET fault or a hostile server. Not retried; an order's outcome is unknown until it is resent with the
 * same idempotency key.
 */
public final class ResponseTooLargeException extends EsetOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "ESET_RESPONSE_TOO_LARGE";

    public ResponseTooLargeException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
