package dev.esetshop.testkit.internal;

import java.util.Objects;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * One answer of the sandbox before it goes on the wire.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @param retryAfterSeconds the {@code Retry-After} header, when the answer has one
 */
public record Answer(int status, JsonNode body, OptionalLong retryAfterSeconds) {

    public Answer {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
    }

    static Answer ok(JsonNode body) {
        return new Answer(200, body, OptionalLong.empty());
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }
}
