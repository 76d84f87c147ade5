package dev.esetshop.client.internal;

import dev.esetshop.client.EsetCallEnded;
import dev.esetshop.client.EsetClientListener;
import dev.esetshop.client.EsetRetry;
import dev.esetshop.client.RateLimitWait;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.client.Waiter;
import dev.esetshop.client.WorkScope;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetShopException;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to ESET with retry around circuit breaker around rate limiter around the raw POST. Resilience4j's
 * {@link Retry} decides whether and after how long to retry (its {@link Retry.AsyncContext} returns the interval
 * instead of sleeping), the wait itself goes through the injected {@link Waiter}, and the total time budget is
 * checked on the injected {@link Clock}: so tests never wait in real time. An attempt is five named steps:
 * {@link #acquirePermit}, {@link #send}, {@link #classify}, {@link #retryDelay} (decide to retry) and
 * {@link #waitFor}. Each calls the Resilience4j primitive it needs rather than a whole decorator: the breaker must
 * count a 4xx as ESET working and a 5xx or no answer as a failure, the retry must honour {@code Retry-After} and the
 * budget, and every wait must go through the {@link Waiter}.
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
    private final EsetClientListener listener;
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
            EsetClientListener listener) {
        this.transport = transport;
        this.requestTimeout = requestTimeout;
        this.retrySettings = retrySettings;
        this.retry = Retry.of("eset", retryConfig(retrySettings));
        this.breaker = breaker;
        this.limiter = limiter;
        this.limiterMaxWait = limiterMaxWait;
        this.waiter = waiter;
        this.clock = clock;
        this.listener = new SafeListener(listener);
    }

    /** A transient failure of one attempt, what Resilience4j's retry sees; it never carries a body or a secret. */
    static final class TransientFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient @Nullable Duration retryAfter;

        TransientFailure(String reason, @Nullable Duration retryAfter) {
            super(reason, null, false, false);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
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
            if (outcome.isLeft()
                    && outcome.getLeft() instanceof TransientFailure failure
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
        WorkScope scope = listener.onCallStarted(call.call());
        Instant started = clock.instant();
        String outcome = UNEXPECTED;
        Optional<Progress> progress = Optional.empty();
        try {
            if (closed) {
                throw EsetErrors.closed(call);
            }
            progress = Optional.of(new Progress(call, deadline(), retry.asyncContext()));
            T answer = underDeadline(progress.get(), body, key, tokens, reader);
            outcome = EsetCallEnded.SUCCESS;
            return answer;
        } catch (EsetShopException failure) {
            outcome = failure.code();
            throw failure;
        } finally {
            int attempts = progress.map(sent -> sent.sent).orElse(0);
            listener.onCallEnded(new EsetCallEnded(
                    call.call(), outcome, attempts, nonNegative(Duration.between(started, clock.instant()))));
            scope.end(outcome);
        }
    }

    /** The outcome of a call that ended in something other than an answer or a typed failure (a bug). */
    private static final String UNEXPECTED = "UNEXPECTED_ERROR";

    private static Duration nonNegative(Duration took) {
        return took.isNegative() ? Duration.ZERO : took;
    }

    /** The deadline of a call starting now: its own budget, or the outer call's when this one serves it. */
    private Instant deadline() {
        Instant outer = CALL_DEADLINE.get();
        Instant own = plus(clock.instant(), retrySettings.totalBudget());
        return outer != null && outer.isBefore(own) ? outer : own;
    }

    private <T> T underDeadline(
            Progress progress,
            byte[] body,
            Optional<IdempotencyKey> key,
            Optional<TokenManager> tokens,
            Function<byte[], T> reader) {
        Instant outer = CALL_DEADLINE.get();
        CALL_DEADLINE.set(progress.deadline);
        try {
            return attempts(progress, body, key, tokens, reader);
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

    /**
     * What one call has seen so far, across its attempts: how many were sent, ESET's last answer or the last
     * transport failure, and whether it already logged in again after a 401.
     */
    private static final class Progress {
        final EsetCall call;
        final Instant deadline;
        final Retry.AsyncContext<RawResponse> retryContext;
        int sent;
        boolean loggedInAgain;
        private @Nullable RawResponse last;
        private @Nullable Throwable lastCause;

        Progress(EsetCall call, Instant deadline, Retry.AsyncContext<RawResponse> retryContext) {
            this.call = call;
            this.deadline = deadline;
            this.retryContext = retryContext;
        }

        void answered(RawResponse response) {
            last = response;
            lastCause = null;
        }

        void unanswered(IOException cause) {
            last = null;
            lastCause = cause;
        }

        /** The last answer, empty when the last attempt got none. */
        Optional<RawResponse> last() {
            return Optional.ofNullable(last);
        }

        /** Why the last attempt got no answer, empty when it got one. */
        Optional<Throwable> lastCause() {
            return Optional.ofNullable(lastCause);
        }
    }

    /** What an answer means for the call. */
    private enum Verdict {
        /** A 2xx: read it. */
        SUCCESS,
        /** The first 401 to a call with a token: log in again and resend once. */
        LOG_IN_AGAIN,
        /** A definitive refusal: ESET's error, no retry. */
        REFUSED,
        /** A 429 or 5xx: worth another attempt. */
        TRANSIENT
    }

    /** The attempts of one call: acquire a permit, send, classify the answer, decide to retry, wait. */
    private <T> T attempts(
            Progress progress,
            byte[] body,
            Optional<IdempotencyKey> key,
            Optional<TokenManager> tokens,
            Function<byte[], T> reader) {
        EsetCall call = progress.call;
        while (true) {
            Optional<Secret> token = tokens.map(TokenManager::accessToken);
            Duration timeout = acquirePermit(progress);
            Optional<RawResponse> answer = send(progress, body, token, key, timeout);
            if (answer.isEmpty()) {
                String reason = "no answer: "
                        + progress.lastCause().orElseThrow().getClass().getSimpleName();
                waitFor(progress, retryDelay(progress, reason, null));
                continue;
            }
            RawResponse response = answer.get();
            switch (classify(response, token.orElse(null), progress)) {
                case SUCCESS -> {
                    progress.retryContext.onComplete();
                    return read(call, response, progress.sent, reader);
                }
                case LOG_IN_AGAIN -> {
                    LOG.debug("ESET rejected the token for {}, logging in again and resending once", call);
                    progress.loggedInAgain = true;
                    tokens.orElseThrow().rejected(token.orElseThrow());
                }
                case REFUSED -> throw EsetErrors.refused(call, response, progress.sent);
                case TRANSIENT ->
                    waitFor(progress, retryDelay(progress, "HTTP " + response.status(), response.retryAfter()));
            }
        }
    }

    /**
     * Step 1, acquire a permit: the client is open, the budget is not spent, the circuit breaker lets the call
     * through and the rate limiter gives it a slot (waiting for one when it must).
     *
     * @return the timeout of this attempt: the request timeout, cut to what is left of the budget
     */
    private Duration acquirePermit(Progress progress) {
        EsetCall call = progress.call;
        if (closed) {
            throw EsetErrors.closed(call);
        }
        Duration left = Duration.between(clock.instant(), progress.deadline);
        if (left.isZero() || left.isNegative()) {
            LOG.debug("ESET {} gives up after {} attempts: the time budget is spent", call, progress.sent);
            throw gaveUp(progress);
        }
        if (!breaker.tryAcquirePermission()) {
            throw EsetErrors.circuitOpen(
                    call, progress.last().map(RawResponse::requestId).orElse(null), progress.sent);
        }
        try {
            awaitRateLimit(call, progress.last().orElse(null), progress.sent, left);
        } catch (InterruptedException e) {
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            throw EsetErrors.interrupted(call, progress.sent, e);
        } catch (EsetApiException e) {
            breaker.releasePermission();
            throw e;
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw unsendable(progress, e);
        }
        return left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
    }

    /**
     * Step 2, send: one POST, its outcome told to the circuit breaker (a 5xx or no answer is a failure; a 4xx is
     * ESET working correctly).
     *
     * @return ESET's answer, or empty when none came (the cause is in {@code progress})
     */
    private Optional<RawResponse> send(
            Progress progress, byte[] body, Optional<Secret> token, Optional<IdempotencyKey> key, Duration timeout) {
        EsetCall call = progress.call;
        progress.sent++;
        long start = System.nanoTime();
        RawResponse response;
        try {
            response = transport.post(call, body, token, key, timeout);
        } catch (BoundedBody.TooLarge e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.debug(
                    "ESET {} attempt {}: the answer passed {} bytes, stopped reading", call, progress.sent, e.limit());
            throw EsetErrors.tooLarge(call, e.limit(), progress.sent);
        } catch (IOException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.debug(
                    "ESET {} attempt {}: no answer ({})",
                    call,
                    progress.sent,
                    e.getClass().getSimpleName());
            progress.unanswered(e);
            return Optional.empty();
        } catch (InterruptedException e) {
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            throw EsetErrors.interrupted(call, progress.sent, e);
        } catch (RuntimeException e) {
            breaker.releasePermission();
            throw unsendable(progress, e);
        }
        long took = System.nanoTime() - start;
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "ESET {} attempt {}: HTTP {} (request id {})",
                    call,
                    progress.sent,
                    response.status(),
                    Objects.requireNonNullElse(response.requestId(), "none"));
        }
        if (response.status() >= 500) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new TransientFailure("HTTP " + response.status(), null));
        } else {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        progress.answered(response);
        return Optional.of(response);
    }

    /** The request could not be sent; never chained: the JDK's texts can quote header values (the bearer token). */
    private static EsetApiException unsendable(Progress progress, RuntimeException e) {
        LOG.debug(
                "ESET {} attempt {}: the request could not be sent ({})",
                progress.call,
                progress.sent,
                e.getClass().getSimpleName());
        return EsetErrors.unsendable(
                progress.call,
                e instanceof HttpTransport.Unsendable unsendable
                        ? unsendable.reason()
                        : e.getClass().getName(),
                Math.max(1, progress.sent));
    }

    /** Step 3, classify: what ESET's answer means for the call. */
    private static Verdict classify(RawResponse response, @Nullable Secret token, Progress progress) {
        if (response.isSuccess()) {
            return Verdict.SUCCESS;
        }
        if (response.status() == 401 && token != null && !progress.loggedInAgain) {
            return Verdict.LOG_IN_AGAIN;
        }
        return response.isTransient() ? Verdict.TRANSIENT : Verdict.REFUSED;
    }

    /**
     * Step 4, decide to retry: Resilience4j's retry says whether and after how long (backoff with jitter, or
     * ESET's {@code Retry-After}); the call gives up when the attempts run out or the wait would pass the budget.
     *
     * @return the wait before the next attempt
     */
    private Duration retryDelay(Progress progress, String reason, @Nullable Duration retryAfter) {
        long millis = progress.retryContext.onError(new TransientFailure(reason, retryAfter));
        if (millis < 0) {
            LOG.debug("ESET {} failed after {} attempts ({})", progress.call, progress.sent, reason);
            throw gaveUp(progress);
        }
        Duration wait = Duration.ofMillis(millis);
        if (plus(clock.instant(), wait).isAfter(progress.deadline)) {
            LOG.debug(
                    "ESET {} gives up after {} attempts: the time budget is spent ({})",
                    progress.call,
                    progress.sent,
                    reason);
            throw gaveUp(progress);
        }
        LOG.debug("ESET {} attempt {} failed ({}), retrying in {} ms", progress.call, progress.sent, reason, millis);
        listener.onRetry(new EsetRetry(progress.call.call(), progress.sent, wait, reason));
        return wait;
    }

    /** Step 5, wait: through the injected {@link Waiter}, so tests never wait in real time. */
    private void waitFor(Progress progress, Duration wait) {
        try {
            waiter.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EsetErrors.interrupted(progress.call, progress.sent, e);
        }
    }

    /** Every failure to read a 2xx answer is ESET's: typed, and ESET's text in it masked. */
    private static <T> T read(EsetCall call, RawResponse response, int sent, Function<byte[], T> reader) {
        try {
            return reader.apply(response.body());
        } catch (WireJson.MalformedWire e) {
            throw EsetErrors.unreadable(call, response, sent, EsetText.masked(e.reason()));
        } catch (RuntimeException e) {
            throw EsetErrors.unreadable(
                    call, response, sent, "unexpected " + e.getClass().getSimpleName());
        }
    }

    /** The call ends on a transient failure: a timeout says so, anything else is the error table's. */
    private static EsetApiException gaveUp(Progress progress) {
        int attempts = Math.max(1, progress.sent);
        Optional<Throwable> cause = progress.lastCause();
        if (progress.last().isEmpty() && (cause.isEmpty() || cause.get() instanceof HttpTimeoutException)) {
            return EsetErrors.timedOut(progress.call, attempts, cause.orElse(null));
        }
        return EsetErrors.exhausted(progress.call, progress.last().orElse(null), cause.orElse(null), attempts);
    }

    /**
     * Waits for the rate limiter's slot, inside the call's total budget: a wait longer than what is left of the
     * budget (or than the limiter's own maximum) fails now, with nothing sent, instead of outliving the budget.
     */
    private void awaitRateLimit(EsetCall call, @Nullable RawResponse last, int sent, Duration budgetLeft)
            throws InterruptedException {
        long nanos = limiter.reservePermission();
        if (nanos < 0) {
            throw EsetErrors.ownRateLimit(call, limiterMaxWait, last == null ? null : last.requestId(), sent);
        }
        if (nanos > 0) {
            Duration wait = Duration.ofNanos(nanos);
            if (wait.compareTo(budgetLeft) > 0) {
                LOG.debug(
                        "ESET {} would wait {} ms for the client's rate limit, beyond its time budget",
                        call,
                        wait.toMillis());
                throw EsetErrors.ownRateLimit(call, budgetLeft, last == null ? null : last.requestId(), sent);
            }
            LOG.debug("ESET {} waits {} ms for the client's rate limit", call, wait.toMillis());
            listener.onRateLimitWait(new RateLimitWait(call.call(), wait));
            waiter.await(wait);
        }
    }
}
