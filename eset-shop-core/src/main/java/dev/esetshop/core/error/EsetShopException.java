package dev.esetshop.core.error;

import java.util.Optional;

/**
 * The root of every error the SDK raises. The hierarchy is sealed, so a marketplace can switch over it
 * exhaustively; each error has a stable {@link #code()} and a message that tells the user what to do.
 * Messages never contain secrets.
 */
public abstract sealed class EsetShopException extends RuntimeException
        permits EsetApiException, InvalidCatalogException, StorageException, PartnerMismatchException,
                UnknownResellerException {

    private static final long serialVersionUID = 1L;

    protected EsetShopException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable code, such as {@code ACCESS_NOT_GRANTED}, for programs and support tickets. */
    public abstract String code();

    /** ESET's request id ({@code X-Request-Id}) when the error came from an answer of ESET. */
    public Optional<String> requestId() {
        return Optional.empty();
    }
}
