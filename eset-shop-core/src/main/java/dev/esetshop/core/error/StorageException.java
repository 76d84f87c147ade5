package dev.esetshop.core.error;

/** The order journal or the license store could not be read or written (a database down, a full disk). */
public final class StorageException extends EsetShopException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "STORAGE";

    /**
     * A storage error found by the SDK itself (a missing entry, a wrong schema).
     *
     * @param message what is wrong and what to do
     */
    public StorageException(String message) {
        super(message, null);
    }

    /**
     * A storage error the database reported.
     *
     * @param message what failed and what to do
     * @param cause the database's exception
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A database outage or a full disk passes; an order whose journal write failed was not sent.
     *
     * @return {@code true}
     */
    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public String code() {
        return CODE;
    }
}
