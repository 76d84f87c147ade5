package dev.esetshop.client.internal;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one POST of the wire protocol over the one shared {@link HttpClient}; no retries, no interpretation. The
 * answer is bounded: at most {@code maxResponseBytes} of body, and headers and body within the attempt's timeout
 * (the JDK's own request timeout stops at the headers, so a trickled body would block forever).
 */
final class HttpTransport {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REQUEST_ID = "X-Request-Id";
    static final String RETRY_AFTER = "Retry-After";

    /** A request the JDK refuses to send; its text never includes the refused value (it may be a token). */
    static final class Unsendable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsendable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HttpClient http;
    private final String base;
    private final long maxResponseBytes;

    HttpTransport(HttpClient http, URI baseUri, long maxResponseBytes) {
        this.http = http;
        String text = baseUri.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * One attempt.
     *
     * @param timeout how long the whole answer, headers and body, may take
     * @throws HttpTimeoutException when the answer was not whole within the timeout
     * @throws BoundedBody.TooLarge when the body passed the size cap
     * @throws IOException when the connection failed
     * @throws Unsendable when the request cannot be built (a header value the JDK refuses)
     */
    RawResponse post(EsetCall call, byte[] body, Optional<Secret> bearer, Optional<IdempotencyKey> key,
            Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = request(call, body, bearer, key, timeout);
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> bounded = BoundedBody.handler(maxResponseBytes);
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = http.sendAsync(request, info -> {
                HttpResponse.BodySubscriber<byte[]> subscriber = bounded.apply(info);
                reading.set((BoundedBody) subscriber);
                return subscriber;
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Unsendable("the HTTP client refused the request (" + e.getClass().getSimpleName() + ")");
        }
        HttpResponse<byte[]> response;
        try {
            response = future.get(Math.max(1, ResilientExchange.nanos(timeout)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort(future, reading);
            throw new HttpTimeoutException("no whole answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            abort(future, reading);
            throw e;
        } catch (ExecutionException e) {
            throw asIoException(e.getCause());
        }
        return new RawResponse(
                response.statusCode(),
                response.body(),
                response.headers().firstValue(REQUEST_ID).filter(id -> !id.isBlank()),
                response.headers().firstValue(RETRY_AFTER).flatMap(HttpTransport::retryAfter));
    }

    private HttpRequest request(EsetCall call, byte[] body, Optional<Secret> bearer, Optional<IdempotencyKey> key,
            Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
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

    /** Stops the exchange and closes the connection, so a stalled server does not keep a thread or a socket. */
    private static void abort(CompletableFuture<?> future, AtomicReference<BoundedBody> reading) {
        future.cancel(true);
        BoundedBody body = reading.get();
        if (body != null) {
            body.cancel();
        }
    }

    private static IOException asIoException(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException || cause instanceof ExecutionException) {
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        // Anything else (a rejected executor after close, a JDK bug) is reported by class only: its text is unknown.
        return new IOException("the HTTP client failed: " + cause.getClass().getName());
    }

    /** The longest Retry-After read; the retry settings cut it further, this only keeps the arithmetic finite. */
    private static final long MAX_RETRY_AFTER_SECONDS = Duration.ofDays(1).toSeconds();

    /** Retry-After in seconds; the HTTP-date form is not used by ESET and is ignored (the back-off applies). */
    static Optional<Duration> retryAfter(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER_SECONDS)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
