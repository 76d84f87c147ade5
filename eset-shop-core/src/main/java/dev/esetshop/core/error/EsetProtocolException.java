package dev.esetshop.core.error;

/** ESET answered something this client cannot read (not JSON, or a required field missing). */
public final class EsetProtocolException extends EsetOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "ESET_BAD_RESPONSE";

    public EsetProtocolException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
