package dev.esetshop.core.error;

/** ESET kept answering 429 (rate limited) until the client's attempts or time budget ran out. */
public final class RateLimitedException extends EsetOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "RATE_LIMITED";

    public RateLimitedException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
