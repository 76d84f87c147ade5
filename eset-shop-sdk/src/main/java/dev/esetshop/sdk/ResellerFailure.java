package dev.esetshop.sdk;

import dev.esetshop.core.ResellerId;
import java.util.Objects;

/**
 * Why a fleet round ({@link EsetShops#syncAll}, {@link EsetShops#reconcileAll()}) failed for one reseller; the round
 * went on with the others.
 *
 * @param reseller the reseller
 * @param code a stable code to branch, count or alert on: an {@code EsetShopException}'s {@code code()} (such as
 *     {@code UNAUTHORIZED}, {@code ACCESS_NOT_GRANTED}, {@code ESET_UNAVAILABLE}, {@code STORAGE}), else
 *     {@link #UNEXPECTED} or {@link #NOT_RUN}
 * @param message what went wrong, for an operator; never a secret (for an unexpected failure only its exception's
 *     class, as its text may quote the host's data)
 * @param retryable whether the same work, done again later unchanged, may succeed (the next round does it again
 *     either way); false when something must change first, such as the reseller's credentials or ESET's grant
 */
public record ResellerFailure(ResellerId reseller, String code, String message, boolean retryable) {

    /**
     * The code of a failure that is no {@code EsetShopException}: the host's directory or vault, a listener, or a
     * bug threw; the exception is logged with its stack trace.
     */
    public static final String UNEXPECTED = "UNEXPECTED";

    /** The code of a reseller whose work the round never ran: the executor refused it, or the round was stopped. */
    public static final String NOT_RUN = "NOT_RUN";

    /** A failure; the code and the message must not be blank. */
    public ResellerFailure {
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank()) {
            throw new IllegalArgumentException("a failure's code must not be blank");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("a failure's message must not be blank");
        }
    }

    @Override
    public String toString() {
        return reseller + ": " + code + (retryable ? " (retryable)" : "") + " " + message;
    }
}
