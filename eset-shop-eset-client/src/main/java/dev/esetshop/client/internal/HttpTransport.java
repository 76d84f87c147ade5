package dev.esetshop.client.internal;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Sends one POST of the wire protocol over the one shared {@link HttpClient}; no retries, no interpretation. */
final class HttpTransport {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REQUEST_ID = "X-Request-Id";
    static final String RETRY_AFTER = "Retry-After";

    private final HttpClient http;
    private final String base;
    private final Duration requestTimeout;

    HttpTransport(HttpClient http, URI baseUri, Duration requestTimeout) {
        this.http = http;
        String text = baseUri.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.requestTimeout = requestTimeout;
    }

    RawResponse post(EsetCall call, byte[] body, Optional<Secret> bearer, Optional<IdempotencyKey> key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token.reveal()));
        key.ifPresent(k -> request.header(IDEMPOTENCY_KEY, k.value()));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new RawResponse(
                response.statusCode(),
                response.body(),
                response.headers().firstValue(REQUEST_ID).filter(id -> !id.isBlank()),
                response.headers().firstValue(RETRY_AFTER).flatMap(HttpTransport::retryAfter));
    }

    /** Retry-After in seconds; the HTTP-date form is not used by ESET and is ignored (the back-off applies). */
    static Optional<Duration> retryAfter(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
