package dev.esetshop.testkit.internal;

import dev.esetshop.core.EsetRefusal;
import java.util.OptionalLong;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer of the protocol ({@code {code, subCode, message}} with its status), thrown inside a call so the
 * handler stops at the first broken rule. The codes are the sandbox's, listed in {@code EsetSandbox}'s Javadoc.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** 400 code 4: the request cannot be read (bad JSON, missing or ill-typed field, bad header, page too large). */
    static final int BAD_REQUEST = 4;
    /** 401 code 1: wrong username or password. */
    static final int BAD_CREDENTIALS = 1;
    /** 401 code 2: access token missing, unknown or expired. */
    static final int TOKEN_INVALID = 2;
    /** 401 code 3: refresh token unknown or its session ended. */
    static final int SESSION_ENDED = 3;
    /** 403 code 5: ESET has not granted the marketplace access to the partner's data. */
    static final int ACCESS_NOT_GRANTED = 5;
    /** 404 code 6: no such license, or no such call. */
    static final int NOT_FOUND = 6;
    /** 409 code 7: idempotency key reused with another body. */
    static final int IDEMPOTENCY_CONFLICT = 7;
    /** 429 code 11: rate limited. */
    static final int RATE_LIMITED = 11;
    /** 500/502/503 code 12: an injected transient failure. */
    static final int TRANSIENT = 12;
    /** 503 code 99: maintenance window. */
    static final int MAINTENANCE = 99;

    private final int status;
    private final int code;
    private final int subCode;
    private final OptionalLong retryAfterSeconds;

    ApiError(int status, int code, int subCode, String message, OptionalLong retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.subCode = subCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError of(int status, int code, int subCode, String message) {
        return new ApiError(status, code, subCode, message, OptionalLong.empty());
    }

    static ApiError badRequest(String message) {
        return of(400, BAD_REQUEST, 0, message);
    }

    /** 400 code 8: an ESET rule refuses the request; the refusal (core's one list of them) gives the sub-code. */
    static ApiError rule(EsetRefusal refusal, String message) {
        return of(400, EsetRefusal.RULE_CODE, refusal.wireSubCode(), message);
    }

    /** The error as the protocol's answer. */
    public Answer answer() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("subCode", subCode);
        body.put("message", getMessage());
        return new Answer(status, body, retryAfterSeconds);
    }
}
