package dev.esetshop.client.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP answer of ESET as received: status, body, request id and the {@code Retry-After} wait when given (null
 * when not).
 * The body is never logged: it can hold license keys and tokens.
 */
record RawResponse(
        int status,
        byte[] body,
        @Nullable String requestId,
        @Nullable Duration retryAfter) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Failures worth another attempt: rate limited and server errors (maintenance included). */
    boolean isTransient() {
        return status == 429 || status >= 500;
    }
}
