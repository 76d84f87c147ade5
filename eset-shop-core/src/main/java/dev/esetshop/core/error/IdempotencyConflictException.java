package dev.esetshop.core.error;

/** An idempotency key was reused with another order body (409): a bug in the caller, never retried. */
public final class IdempotencyConflictException extends EsetRefusedException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "IDEMPOTENCY_CONFLICT";

    public IdempotencyConflictException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
