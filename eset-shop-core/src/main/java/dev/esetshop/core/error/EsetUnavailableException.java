package dev.esetshop.core.error;

/** ESET kept failing (5xx, maintenance) until the client's attempts or time budget ran out; an order's outcome is then unknown. */
public final class EsetUnavailableException extends EsetOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "ESET_UNAVAILABLE";

    public EsetUnavailableException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
