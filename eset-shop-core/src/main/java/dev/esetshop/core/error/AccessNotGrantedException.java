package dev.esetshop.core.error;

/** ESET has not granted the marketplace access to this partner's data (403, code 5): the partner must ask ESET to grant it; retrying does not help. */
public final class AccessNotGrantedException extends EsetRefusedException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "ACCESS_NOT_GRANTED";

    public AccessNotGrantedException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
