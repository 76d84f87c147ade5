package dev.esetshop.client.internal;

import dev.esetshop.client.ResilienceListener;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.client.Waiter;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.EsetApiException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to ESET with retry around circuit breaker around rate limiter around the raw POST. Resilience4j's
 * {@link Retry} decides whether and after how long to retry (its {@link Retry.AsyncContext} returns the interval
 * instead of sleeping), the wait itself goes through the injected {@link Waiter}, and the total time budget is
 * checked on the injected {@link Clock}: so tests never wait in real time.
 */
final class ResilientExchange {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientExchange.class);

    /**
     * The deadline of the call this thread is making. A token call starts inside another call (the login before
     * the first call, the re-login after a 401), so it must spend the budget of that call, not start one of its own;
     * a thread-local keeps the token manager's interface free of it.
     */
    private static final ThreadLocal<Instant> CALL_DEADLINE = new ThreadLocal<>();

    private final HttpTransport transport;
    private final RetrySettings retrySettings;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Duration limiterMaxWait;
    private final Waiter waiter;
    private final Clock clock;
    private final ResilienceListener listener;
    private final Duration requestTimeout;
    private volatile boolean closed;

    ResilientExchange(
            HttpTransport transport,
            Duration requestTimeout,
            RetrySettings retrySettings,
            CircuitBreaker breaker,
            RateLimiter limiter,
            Duration limiterMaxWait,
            Waiter waiter,
            Clock clock,
            ResilienceListener listener) {
        this.transport = transport;
        this.requestTimeout = requestTimeout;
        this.retrySettings = retrySettings;
        this.retry = Retry.of("eset", retryConfig(retrySettings));
        this.breaker = breaker;
        this.limiter = limiter;
        this.limiterMaxWait = limiterMaxWait;
        this.waiter = waiter;
        this.clock = clock;
        this.listener = listener;
    }

    /** A transient failure of one attempt, what Resilience4j's retry sees; it never carries a body or a secret. */
    static final class TransientFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Duration> retryAfter;

        TransientFailure(String reason, Optional<Duration> retryAfter) {
            super(reason, null, false, false);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    private static RetryConfig retryConfig(RetrySettings settings) {
        RandomGenerator random = settings.jitterSeed().isPresent()
                ? new Random(settings.jitterSeed().getAsLong())
                : null;
        long base = settings.baseDelay().toMillis();
        long cap = settings.maxDelay().toMillis();
        long retryAfterCap = settings.maxRetryAfter().toMillis();
        IntervalBiFunction<RawResponse> interval = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof TransientFailure failure
                    && failure.retryAfter().isPresent()) {
                return Math.min(failure.retryAfter().get().toMillis(), retryAfterCap);
            }
            // java.util.Random is thread-safe, so one seeded source can serve every thread of the client.
            return fullJitter(attempt, base, cap, random != null ? random : ThreadLocalRandom.current());
        };
        return RetryConfig.<RawResponse>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(TransientFailure.class::isInstance)
                .failAfterMaxAttempts(false)
                .build();
    }

    /** Full jitter: a wait uniform in [0, min(cap, base * 2^(attempt - 1))] milliseconds. */
    static long fullJitter(int attempt, long baseMillis, long capMillis, RandomGenerator random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = Math.min(capMillis, baseMillis << doublings);
        return random.nextLong(ceiling + 1);
    }

    /**
     * Sends the call until ESET answers with success, a definitive refusal, or the retries run out. The total
     * budget bounds the whole call: every attempt's timeout is cut to what is left of it, and a token call made on
     * the way (a login, a renewal, a re-login after a 401) shares the budget of the call it serves.
     *
     * @param tokens the token source for authenticated calls; empty for the token calls themselves
     * @param reader reads the body of a 2xx answer
     * @return the 2xx answer as read
     * @throws dev.esetshop.core.error.EsetApiException for every other outcome, and when the answer is unreadable
     */
    <T> T call(
            EsetCall call,
            byte[] body,
            Optional<IdempotencyKey> key,
            Optional<TokenManager> tokens,
            Function<byte[], T> reader) {
        if (closed) {
            throw EsetErrors.closed(call);
        }
        Instant outer = CALL_DEADLINE.get();
        Instant own = plus(clock.instant(), retrySettings.totalBudget());
        Instant deadline = outer != null && outer.isBefore(own) ? outer : own;
        CALL_DEADLINE.set(deadline);
        try {
            return attempts(call, body, key, tokens, reader, deadline);
        } finally {
            if (outer == null) {
                CALL_DEADLINE.remove();
            } else {
                CALL_DEADLINE.set(outer);
            }
        }
    }

    /**
     * What is left of the budget of the call this thread is making, if it is making one: the token manager bounds
     * its wait for another thread's login by it.
     */
    static Optional<Duration> remainingBudget(Clock clock) {
        return Optional.ofNullable(CALL_DEADLINE.get()).map(deadline -> Duration.between(clock.instant(), deadline));
    }

    /** A duration in nanoseconds for a timed wait: 0 when negative, saturated when beyond a long. */
    static long nanos(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        return duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }

    private static Instant plus(Instant instant, Duration duration) {
        try {
            return instant.plus(duration);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return Instant.MAX;
        }
    }

    /** From now on every call fails with {@code CLIENT_CLOSED}; calls in flight stop at their next attempt. */
    void close() {
        closed = true;
    }

    private <T> T attempts(
            EsetCall call,
            byte[] body,
            Optional<IdempotencyKey> key,
            Optional<TokenManager> tokens,
            Function<byte[], T> reader,
            Instant deadline) {
        Retry.AsyncContext<RawResponse> context = retry.asyncContext();
        int sent = 0;
        boolean loggedInAgain = false;
        Optional<RawResponse> last = Optional.empty();
        Optional<Throwable> lastCause = Optional.empty();
        while (true) {
            Optional<Secret> token = tokens.map(TokenManager::accessToken);
            if (closed) {
                throw EsetErrors.closed(call);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isZero() || left.isNegative()) {
                LOG.debug("ESET {} gives up after {} attempts: the time budget is spent", call, sent);
                throw gaveUp(call, last, lastCause, sent);
            }
            Duration timeout = left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
            if (!breaker.tryAcquirePermission()) {
                throw EsetErrors.circuitOpen(call, last.flatMap(RawResponse::requestId), sent);
            }
            long start = System.nanoTime();
            RawResponse response;
            try {
                awaitRateLimit(call, last, sent);
                sent++;
                response = transport.post(call, body, token, key, timeout);
            } catch (BoundedBody.TooLarge e) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                LOG.debug("ESET {} attempt {}: the answer passed {} bytes, stopped reading", call, sent, e.limit());
                throw EsetErrors.tooLarge(call, e.limit(), sent);
            } catch (IOException e) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                LOG.debug("ESET {} attempt {}: no answer ({})", call, sent, e.getClass().getSimpleName());
                last = Optional.empty();
                lastCause = Optional.of(e);
                waitBeforeRetry(call, context, sent, deadline, "no answer: " + e.getClass().getSimpleName(),
                        Optional.empty(), last, lastCause);
                continue;
            } catch (InterruptedException e) {
                breaker.releasePermission();
                Thread.currentThread().interrupt();
                throw EsetErrors.interrupted(call, sent, e);
            } catch (EsetApiException e) {
                breaker.releasePermission();
                throw e;
            } catch (RuntimeException e) {
                // Never chained: the JDK's texts can quote header values, and a header can hold the bearer token.
                breaker.releasePermission();
                LOG.debug("ESET {} attempt {}: the request could not be sent ({})", call, sent,
                        e.getClass().getSimpleName());
                throw EsetErrors.unsendable(call, e instanceof HttpTransport.Unsendable ? e.getMessage()
                        : e.getClass().getName(), Math.max(1, sent));
            }
            long took = System.nanoTime() - start;
            LOG.debug("ESET {} attempt {}: HTTP {} (request id {})",
                    call, sent, response.status(), response.requestId().orElse("none"));
            last = Optional.of(response);
            lastCause = Optional.empty();
            if (response.status() >= 500) {
                breaker.onError(took, TimeUnit.NANOSECONDS, new TransientFailure("HTTP " + response.status(),
                        Optional.empty()));
            } else {
                // A 4xx (429 included) is ESET working correctly: not a failure for the breaker.
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
            if (response.isSuccess()) {
                context.onComplete();
                return read(call, response, sent, reader);
            }
            if (response.status() == 401 && token.isPresent() && !loggedInAgain) {
                LOG.debug("ESET rejected the token for {}, logging in again and resending once", call);
                loggedInAgain = true;
                tokens.get().rejected(token.get());
                continue;
            }
            if (!response.isTransient()) {
                throw EsetErrors.refused(call, response, sent);
            }
            waitBeforeRetry(call, context, sent, deadline, "HTTP " + response.status(), response.retryAfter(),
                    last, lastCause);
        }
    }

    /** Every failure to read a 2xx answer is ESET's: typed, and ESET's text in it masked. */
    private static <T> T read(EsetCall call, RawResponse response, int sent, Function<byte[], T> reader) {
        try {
            return reader.apply(response.body());
        } catch (WireJson.MalformedWire e) {
            throw EsetErrors.unreadable(call, response, sent, EsetText.masked(e.getMessage()));
        } catch (RuntimeException e) {
            throw EsetErrors.unreadable(call, response, sent, "unexpected " + e.getClass().getSimpleName());
        }
    }

    /** The call ends on a transient failure: a timeout says so, anything else is the error table's. */
    private static EsetApiException gaveUp(
            EsetCall call, Optional<RawResponse> last, Optional<Throwable> cause, int attempts) {
        if (last.isEmpty() && (cause.isEmpty() || cause.get() instanceof HttpTimeoutException)) {
            return EsetErrors.timedOut(call, Math.max(1, attempts), cause);
        }
        return EsetErrors.exhausted(call, last, cause, Math.max(1, attempts));
    }

    private void awaitRateLimit(EsetCall call, Optional<RawResponse> last, int sent) throws InterruptedException {
        long nanos = limiter.reservePermission();
        if (nanos < 0) {
            throw EsetErrors.ownRateLimit(call, limiterMaxWait, last.flatMap(RawResponse::requestId), sent);
        }
        if (nanos > 0) {
            Duration wait = Duration.ofNanos(nanos);
            LOG.debug("ESET {} waits {} ms for the client's rate limit", call, wait.toMillis());
            listener.onRateLimitWait(call.call(), wait);
            waiter.await(wait);
        }
    }

    private void waitBeforeRetry(
            EsetCall call,
            Retry.AsyncContext<RawResponse> context,
            int sent,
            Instant deadline,
            String reason,
            Optional<Duration> retryAfter,
            Optional<RawResponse> last,
            Optional<Throwable> lastCause) {
        long millis = context.onError(new TransientFailure(reason, retryAfter));
        if (millis < 0) {
            LOG.debug("ESET {} failed after {} attempts ({})", call, sent, reason);
            throw gaveUp(call, last, lastCause, sent);
        }
        Duration wait = Duration.ofMillis(millis);
        if (plus(clock.instant(), wait).isAfter(deadline)) {
            LOG.debug("ESET {} gives up after {} attempts: the time budget is spent ({})", call, sent, reason);
            throw gaveUp(call, last, lastCause, sent);
        }
        LOG.debug("ESET {} attempt {} failed ({}), retrying in {} ms", call, sent, reason, millis);
        listener.onRetry(call.call(), sent, wait, reason);
        try {
            waiter.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EsetErrors.interrupted(call, sent, e);
        }
    }
}
