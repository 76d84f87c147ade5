package dev.esetshop.testkit.internal;

import dev.esetshop.testkit.RateLimitFault;
import dev.esetshop.testkit.SandboxFaults;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Decides the fault of each request from a seeded random source. Every request draws the same number of values
 * whatever the faults are, so the sequence of draws depends only on the seed and the order of the requests.
 */
public final class FaultPlan {

    private static final long MAINTENANCE_RETRY_AFTER_SECONDS = 30;
    private static final int[] FAILURE_STATUSES = {500, 502, 503};

    private final SplittableRandom random;
    private long window = Long.MIN_VALUE;
    private int requestsInWindow;

    /** A plan drawing from {@code seed}. */
    public FaultPlan(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The decision for the next request, in arrival order. */
    public synchronized FaultDecision next(SandboxFaults faults, boolean maintenance, Instant now, boolean orderCall) {
        double cut = random.nextDouble();
        double failure = random.nextDouble();
        int failureKind = random.nextInt(FAILURE_STATUSES.length);
        double lose = random.nextDouble();
        if (maintenance) {
            return new FaultDecision.Fail(new ApiError(503, ApiError.MAINTENANCE, 0,
                    "ESET is in a maintenance window; try again after the Retry-After seconds.",
                    OptionalLong.of(MAINTENANCE_RETRY_AFTER_SECONDS)));
        }
        if (faults.rateLimit().isPresent()) {
            OptionalLong retryAfter = overLimit(faults.rateLimit().get(), now);
            if (retryAfter.isPresent()) {
                return new FaultDecision.Fail(new ApiError(429, ApiError.RATE_LIMITED, 0,
                        "Too many requests; wait the Retry-After seconds.", retryAfter));
            }
        }
        if (cut < faults.cutConnectionRate()) {
            return new FaultDecision.Cut();
        }
        if (failure < faults.failureRate()) {
            int status = FAILURE_STATUSES[failureKind];
            return new FaultDecision.Fail(ApiError.of(status, ApiError.TRANSIENT, 0,
                    "Injected transient failure " + status + "; retry with backoff."));
        }
        return new FaultDecision.Pass(orderCall && lose < faults.loseRate());
    }

    private OptionalLong overLimit(RateLimitFault limit, Instant now) {
        long windowMillis = limit.window().toMillis();
        long nowMillis = now.toEpochMilli();
        long current = Math.floorDiv(nowMillis, windowMillis);
        if (current != window) {
            window = current;
            requestsInWindow = 0;
        }
        requestsInWindow++;
        if (requestsInWindow <= limit.maxRequests()) {
            return OptionalLong.empty();
        }
        long leftMillis = (current + 1) * windowMillis - nowMillis;
        return OptionalLong.of(Math.max(1, (leftMillis + 999) / 1000));
    }
}
