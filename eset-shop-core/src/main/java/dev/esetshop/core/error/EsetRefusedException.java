package dev.esetshop.core.error;

/**
 * ESET answered and refused the call: a rule refusal, an unknown license, an idempotency key used for another
 * order, access not granted, or credentials refused. Sending the same call again fails the same way; something has
 * to change first (the order, the license id, the key, ESET's access grant or the credentials), so it is never
 * {@linkplain #retryable() retryable}.
 */
public abstract sealed class EsetRefusedException extends EsetApiException
        permits EsetRuleRefusedException,
                AccessNotGrantedException,
                LicenseNotFoundException,
                IdempotencyConflictException,
                UnauthorizedException {

    private static final long serialVersionUID = 1L;

    protected EsetRefusedException(String message, Failure failure) {
        super(message, failure);
    }

    /**
     * ESET's refusal stands until the caller changes something.
     *
     * @return {@code false}
     */
    @Override
    public final boolean retryable() {
        return false;
    }
}
