package dev.esetshop.core.error;

/**
 * The ESET client was closed before this call; nothing was sent. Build a new client, or close it only at shutdown.
 * A condition of this side, not an answer of ESET, so it carries no HTTP status or request id.
 */
public final class ClientClosedException extends EsetShopException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "CLIENT_CLOSED";

    /**
     * The client is closed.
     *
     * @param message what was not sent, and what to do
     */
    public ClientClosedException(String message) {
        super(message, null);
    }

    /**
     * A closed client stays closed; build a new one.
     *
     * @return {@code false}
     */
    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public String code() {
        return CODE;
    }
}
