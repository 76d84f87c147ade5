package dev.esetshop.core.error;

/** No answer from ESET: the connection failed or timed out on every attempt; an order's outcome is then unknown. */
public final class TransportException extends EsetOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "TRANSPORT";

    public TransportException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
