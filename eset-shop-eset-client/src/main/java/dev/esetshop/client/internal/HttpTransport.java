package dev.esetshop.client.internal;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Sends one POST of the wire protocol over the one shared {@link HttpClient}; no retries, no interpretation. The
 * answer is bounded: at most {@code maxResponseBytes} of body, and headers and body within the attempt's timeout
 * (the JDK's own request timeout stops at the headers, so the client's {@link DeadlineWatch} ends a trickled body).
 */
final class HttpTransport {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REQUEST_ID = "X-Request-Id";
    static final String RETRY_AFTER = "Retry-After";

    /** A request the JDK refuses to send; its text never includes the refused value (it may be a token). */
    static final class Unsendable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        Unsendable(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        /** Why the JDK refused the request (the message, never null). */
        String reason() {
            return reason;
        }
    }

    /** The longest attempt timeout kept exactly; longer is endless in practice and must not overflow nanoTime. */
    private static final long LONGEST_NANOS = Long.MAX_VALUE / 4;

    private final HttpClient http;
    private final long maxResponseBytes;
    private final DeadlineWatch deadlines;
    /** The URI of each call, parsed once. */
    private final Map<EsetCall, URI> uris = new EnumMap<>(EsetCall.class);

    HttpTransport(HttpClient http, URI baseUri, long maxResponseBytes, DeadlineWatch deadlines) {
        this.http = http;
        String text = baseUri.toString();
        String base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        for (EsetCall call : EsetCall.values()) {
            uris.put(call, URI.create(base + call.path()));
        }
        this.maxResponseBytes = maxResponseBytes;
        this.deadlines = deadlines;
    }

    /**
     * One attempt. It runs on the calling thread through the JDK's blocking {@code send}: its request timeout
     * bounds the connection and the headers, and the {@link DeadlineWatch} ends a body still arriving when the
     * timeout is over. ({@code sendAsync} would hand every answer to another thread, which costs more CPU than
     * the whole resilience layer.)
     *
     * @param timeout how long the whole answer, headers and body, may take
     * @throws HttpTimeoutException when the answer was not whole within the timeout
     * @throws BoundedBody.TooLarge when the body passed the size cap
     * @throws IOException when the connection failed
     * @throws Unsendable when the request cannot be built (a header value the JDK refuses)
     */
    RawResponse post(
            EsetCall call, byte[] body, Optional<Secret> bearer, Optional<IdempotencyKey> key, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = request(call, body, bearer, key, timeout);
        long deadline = System.nanoTime() + Math.min(Math.max(1, ResilientExchange.nanos(timeout)), LONGEST_NANOS);
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        HttpResponse<byte[]> response;
        try {
            response = http.send(
                    request, BoundedBody.handler(maxResponseBytes, deadline, deadlines, timeout, reading::set));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Unsendable(
                    "the HTTP client refused the request (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            BoundedBody started = reading.get();
            if (started != null) {
                started.cancel();
            }
            throw e;
        } catch (IOException e) {
            throw asIoException(
                    e,
                    Optional.ofNullable(reading.get())
                            .flatMap(BoundedBody::failure)
                            .orElse(null));
        }
        HttpHeaders headers = response.headers();
        return new RawResponse(
                response.statusCode(),
                response.body(),
                headers.firstValue(REQUEST_ID).filter(id -> !id.isBlank()).orElse(null),
                headers.firstValue(RETRY_AFTER)
                        .flatMap(HttpTransport::retryAfter)
                        .orElse(null));
    }

    private HttpRequest request(
            EsetCall call, byte[] body, Optional<Secret> bearer, Optional<IdempotencyKey> key, Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uris.get(call))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token.reveal()));
            key.ifPresent(k -> request.header(IDEMPOTENCY_KEY, k.value()));
            return request.build();
        } catch (IllegalArgumentException e) {
            // The JDK's header check quotes the refused value, which here can be a bearer token: not chained.
            throw new Unsendable("a header of the request to " + call + " holds characters HTTP cannot carry");
        }
    }

    /**
     * What the attempt ended with. The JDK's {@code send} rewraps the body's own failure (the cap, the deadline):
     * that failure is reported as it was raised. Any other cause that is no {@link IOException} (a rejected
     * executor after close, a JDK bug) is reported by class only: its text is unknown.
     */
    private static IOException asIoException(IOException thrown, @Nullable Throwable bodyFailure) {
        if (bodyFailure instanceof IOException own) {
            return own;
        }
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause instanceof BoundedBody.TooLarge || cause instanceof BoundedBody.Late) {
                return (IOException) cause;
            }
        }
        if (cause instanceof IOException) {
            return thrown;
        }
        return new IOException("the HTTP client failed: " + cause.getClass().getName());
    }

    /** The longest Retry-After read; the retry settings cut it further, this only keeps the arithmetic finite. */
    private static final long MAX_RETRY_AFTER_SECONDS = Duration.ofDays(1).toSeconds();

    /** Retry-After in seconds; the HTTP-date form is not used by ESET and is ignored (the back-off applies). */
    static Optional<Duration> retryAfter(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0
                    ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER_SECONDS)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
