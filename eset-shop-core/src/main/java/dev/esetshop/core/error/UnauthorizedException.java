package dev.esetshop.core.error;

/** ESET refused the credentials or the token even after logging in again (401). */
public final class UnauthorizedException extends EsetRefusedException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "UNAUTHORIZED";

    public UnauthorizedException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
