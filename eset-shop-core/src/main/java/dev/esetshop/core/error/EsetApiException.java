package dev.esetshop.core.error;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    private final @Nullable String requestId;
    private final int attempts;

    protected EsetApiException(String message, Failure failure) {
        super(failure.decorate(message), failure.cause);
        this.httpStatus = failure.httpStatus;
        this.requestId = failure.requestId;
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
     * What the client knows of a failed call: the last status, ESET's request id when there was an answer, how many
     * times the call was sent, and the underlying exception when there was one.
     */
    public static final class Failure {

        private final int httpStatus;
        private final @Nullable String requestId;
        private final int attempts;
        private final @Nullable Throwable cause;

        private Failure(int httpStatus, @Nullable String requestId, int attempts, @Nullable Throwable cause) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            this.httpStatus = httpStatus;
            this.requestId = requestId;
            this.attempts = attempts;
            this.cause = cause;
        }

        /**
         * A failure without ESET's request id (no answer arrived, or it carried none).
         *
         * @param httpStatus the last HTTP status, or 0 when no answer arrived
         * @param attempts how many times the call was sent, at least 1
         * @return the failure
         */
        public static Failure of(int httpStatus, int attempts) {
            return new Failure(httpStatus, null, attempts, null);
        }

        /**
         * A failure whose last answer carried ESET's request id.
         *
         * @param httpStatus the last HTTP status
         * @param requestId ESET's request id of the last answer
         * @param attempts how many times the call was sent, at least 1
         * @return the failure
         */
        public static Failure of(int httpStatus, String requestId, int attempts) {
            return new Failure(httpStatus, Objects.requireNonNull(requestId, "requestId"), attempts, null);
        }

        /**
         * This failure with the exception that caused it.
         *
         * @param cause the underlying exception
         * @return a copy with the cause
         */
        public Failure withCause(Throwable cause) {
            return new Failure(httpStatus, requestId, attempts, Objects.requireNonNull(cause, "cause"));
        }

        /** The last HTTP status, or 0 when no answer arrived. */
        public int httpStatus() {
            return httpStatus;
        }

        /** ESET's request id of the last answer, when there was one. */
        public Optional<String> requestId() {
            return Optional.ofNullable(requestId);
        }

        /** How many times the call was sent. */
        public int attempts() {
            return attempts;
        }

        /** The underlying exception, when there was one. */
        public Optional<Throwable> cause() {
            return Optional.ofNullable(cause);
        }

        String decorate(String message) {
            StringBuilder text = new StringBuilder(message);
            text.append(" [");
            if (httpStatus > 0) {
                text.append("HTTP ").append(httpStatus).append(", ");
            }
            if (requestId != null) {
                text.append("request id ").append(requestId).append(", ");
            }
            text.append(attempts).append(attempts == 1 ? " attempt]" : " attempts]");
            return text.toString();
        }

        @Override
        public String toString() {
            return decorate("Failure");
        }
    }
}
