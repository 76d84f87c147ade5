package dev.esetshop.core.error;

/** The client stopped calling ESET for a while after sustained failures, to spare a failing API; nothing was sent. */
public final class CircuitOpenException extends EsetOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "CIRCUIT_OPEN";

    public CircuitOpenException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
