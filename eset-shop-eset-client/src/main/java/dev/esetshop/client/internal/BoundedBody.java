package dev.esetshop.client.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Collects an answer's body up to a cap. The JDK's {@code ofByteArray} keeps reading whatever the server sends, so
 * an endless body ends in {@code OutOfMemoryError}; this subscriber cancels the subscription (which closes the
 * connection) as soon as the cap is passed, or as soon as a declared {@code Content-Length} is over it. The JDK's
 * request timeout ends at the headers, so the body's deadline is kept by the client's {@link DeadlineWatch}, which
 * fails a body still arriving at it as {@link Late}. A declared length is read into one array of that size.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body passed the cap; carries no byte of it. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes", null);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** The body did not arrive whole before the deadline; the exchange was stopped. */
    static final class Late extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;

        Late(String message) {
            super(message);
        }
    }

    /** The first buffer when no {@code Content-Length} says the size; it doubles up to the cap. */
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final long limit;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final DeadlineWatch.Watched watched;
    private final Duration timeout;
    private byte[] bytes;
    private int size;

    private BoundedBody(long limit, long declared, long deadlineNanos, DeadlineWatch watch, Duration timeout) {
        this.limit = limit;
        this.declared = declared;
        this.timeout = timeout;
        this.bytes =
                new byte[declared >= 0 && declared <= limit ? (int) declared : (int) Math.min(limit, INITIAL_CAPACITY)];
        this.watched = watch.watch(deadlineNanos, this::expire);
    }

    /**
     * A handler whose bodies stop at {@code limit} bytes and at {@code deadlineNanos} ({@link System#nanoTime()}),
     * the end of the attempt's {@code timeout}, whichever comes first; {@code started} is told each body it creates,
     * so the caller can stop it.
     */
    static HttpResponse.BodyHandler<byte[]> handler(
            long limit, long deadlineNanos, DeadlineWatch watch, Duration timeout, Consumer<BoundedBody> started) {
        return info -> {
            BoundedBody body = new BoundedBody(
                    limit, info.headers().firstValueAsLong("Content-Length").orElse(-1), deadlineNanos, watch, timeout);
            started.accept(body);
            return body;
        };
    }

    /** Stops reading: the caller gave up (interrupted). Safe to call at any time, from any thread. */
    void cancel() {
        watched.done();
        Flow.Subscription current = subscription.get();
        if (current != null) {
            current.cancel();
        }
        result.cancel(false);
    }

    /** The deadline passed: the body fails as late and the connection is closed. */
    private void expire() {
        if (result.completeExceptionally(new Late("no whole answer within " + timeout.toMillis() + " ms"))) {
            Flow.Subscription current = subscription.get();
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** The failure the body ended with, if it ended with one: the JDK's send may wrap it in an IOException. */
    Optional<Throwable> failure() {
        if (!result.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            result.getNow(null);
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.ofNullable(e.getCause());
        } catch (CancellationException e) {
            return Optional.of(e);
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s) || result.isDone()) {
            s.cancel();
            return;
        }
        if (declared > limit) {
            fail(new TooLarge(limit));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int remaining = buffer.remaining();
            if (size + (long) remaining > limit) {
                fail(new TooLarge(limit));
                return;
            }
            if (size + remaining > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(2L * bytes.length, size + remaining)));
            }
            buffer.get(bytes, size, remaining);
            size += remaining;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        watched.done();
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        watched.done();
        result.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
    }

    private void fail(IOException failure) {
        watched.done();
        Flow.Subscription current = subscription.get();
        if (current != null) {
            current.cancel();
        }
        result.completeExceptionally(failure);
    }
}
