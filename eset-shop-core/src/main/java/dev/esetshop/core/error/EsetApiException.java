package dev.esetshop.core.error;

import java.util.Objects;
import java.util.Optional;

/**
 * An error talking to ESET's partner API, after the client's retries: it carries the HTTP status (0 when no answer
 * came), ESET's request id when there was an answer, and how many attempts were made. It is one of two kinds, by
 * what the caller can know: {@link EsetRefusedException} (ESET answered and refused; the same call fails the same
 * way until something is changed) or {@link EsetOutcomeUnknownException} (no usable answer, or a transient one;
 * the same call may succeed later, and an order's outcome is unknown until it is resent with the same idempotency
 * key). {@link #retryable()} tells them apart.
 */
public abstract sealed class EsetApiException extends EsetShopException
        permits EsetRefusedException, EsetOutcomeUnknownException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String requestId;
    private final int attempts;

    protected EsetApiException(String message, Failure failure) {
        super(failure.decorate(message), failure.cause());
        this.httpStatus = failure.httpStatus();
        this.requestId = failure.requestId().orElse(null);
        this.attempts = failure.attempts();
    }

    /** The HTTP status of ESET's last answer, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** How many times the call was sent, retries included. */
    public int attempts() {
        return attempts;
    }

    /**
     * What the client knows of a failed call: the last status, request id, attempts and cause.
     *
     * @param httpStatus the last HTTP status, or 0 when no answer arrived
     * @param requestId ESET's request id of the last answer, when there was one
     * @param attempts how many times the call was sent
     * @param cause the underlying exception, or {@code null}
     */
    public record Failure(int httpStatus, Optional<String> requestId, int attempts, Throwable cause) {

        public Failure {
            Objects.requireNonNull(requestId, "requestId");
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
        }

        /** A failure without an underlying exception. */
        public static Failure of(int httpStatus, Optional<String> requestId, int attempts) {
            return new Failure(httpStatus, requestId, attempts, null);
        }

        String decorate(String message) {
            StringBuilder text = new StringBuilder(message);
            text.append(" [");
            if (httpStatus > 0) {
                text.append("HTTP ").append(httpStatus).append(", ");
            }
            requestId.ifPresent(id -> text.append("request id ").append(id).append(", "));
            text.append(attempts).append(attempts == 1 ? " attempt]" : " attempts]");
            return text.toString();
        }
    }
}
