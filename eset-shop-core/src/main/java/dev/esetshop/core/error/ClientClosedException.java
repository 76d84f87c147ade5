package dev.esetshop.core.error;

/** The ESET client was closed before this call; nothing was sent. Build a new client, or close it only at shutdown. */
public final class ClientClosedException extends EsetApiException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "CLIENT_CLOSED";

    public ClientClosedException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
