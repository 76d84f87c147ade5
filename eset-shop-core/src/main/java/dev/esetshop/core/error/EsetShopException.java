package dev.esetshop.core.error;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error the SDK raises. The hierarchy is sealed, so a marketplace can switch over it
 * exhaustively; each error has a stable {@link #code()} and a message that tells the user what to do.
 * Messages never contain secrets.
 */
public abstract sealed class EsetShopException extends RuntimeException
        permits EsetApiException,
                InvalidCatalogException,
                StorageException,
                PartnerMismatchException,
                UnknownResellerException,
                ClientClosedException {

    private static final long serialVersionUID = 1L;

    protected EsetShopException(String message, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }

    /**
     * What went wrong and what to do. Never null: every error of the SDK is made with its message.
     *
     * @return the message
     */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /** A stable code, such as {@code ACCESS_NOT_GRANTED}, for programs and support tickets. */
    public abstract String code();

    /**
     * Whether the same call, made again later unchanged, may succeed: {@code true} for a transient condition or an
     * unknown outcome (ESET unreachable, unavailable, rate limiting, a storage outage), {@code false} when something
     * must change first (ESET refused, the catalog is wrong, the client is closed). An order is only ever retried
     * with its idempotency key.
     *
     * @return whether retrying unchanged can help
     */
    public abstract boolean retryable();

    /** ESET's request id ({@code X-Request-Id}) when the error came from an answer of ESET. */
    public Optional<String> requestId() {
        return Optional.empty();
    }
}
