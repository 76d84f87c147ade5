package dev.esetshop.testkit.internal;

import dev.esetshop.testkit.RateLimitFault;
import dev.esetshop.testkit.SandboxFaults;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Decides the fault of each request from a seeded random source. Every request draws the same number of values
 * whatever the faults are, so the sequence of draws depends only on the seed and the order of the requests. The rate
 * limit counts each partner's requests in a window of its own, as ESET limits each partner account: one reseller's
 * burst never throttles another's.
 */
public final class FaultPlan {

    private static final long MAINTENANCE_RETRY_AFTER_SECONDS = 30;
    private static final int[] FAILURE_STATUSES = {500, 502, 503};

    private final SplittableRandom random;
    /** Each partner's current window, by the partner's index in the sandbox. */
    private final Map<Integer, Window> windows = new HashMap<>();

    /** A plan drawing from {@code seed}. */
    public FaultPlan(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * The decision for the next request, in arrival order.
     *
     * @param partner the index of the partner the request is for, whose rate limit it counts against
     */
    public synchronized FaultDecision next(
            SandboxFaults faults, boolean maintenance, Instant now, boolean orderCall, int partner) {
        double cut = random.nextDouble();
        double failure = random.nextDouble();
        int failureKind = random.nextInt(FAILURE_STATUSES.length);
        double lose = random.nextDouble();
        if (maintenance) {
            return new FaultDecision.Fail(new ApiError(
                    503,
                    ApiError.MAINTENANCE,
                    0,
                    "ESET is in a maintenance window; try again after the Retry-After seconds.",
                    OptionalLong.of(MAINTENANCE_RETRY_AFTER_SECONDS)));
        }
        if (faults.rateLimit().isPresent()) {
            OptionalLong retryAfter = windows.computeIfAbsent(partner, any -> new Window())
                    .overLimit(faults.rateLimit().get(), now);
            if (retryAfter.isPresent()) {
                return new FaultDecision.Fail(new ApiError(
                        429, ApiError.RATE_LIMITED, 0, "Too many requests; wait the Retry-After seconds.", retryAfter));
            }
        }
        if (cut < faults.cutConnectionRate()) {
            return new FaultDecision.Cut();
        }
        if (failure < faults.failureRate()) {
            int status = FAILURE_STATUSES[failureKind];
            return new FaultDecision.Fail(ApiError.of(
                    status, ApiError.TRANSIENT, 0, "Injected transient failure " + status + "; retry with backoff."));
        }
        return new FaultDecision.Pass(orderCall && lose < faults.loseRate());
    }

    /** One partner's fixed window: which one it is and how many requests it counted. */
    private static final class Window {
        private long window = Long.MIN_VALUE;
        private int requestsInWindow;

        /** Counts a request; the seconds to wait when it is over the limit, else empty. */
        OptionalLong overLimit(RateLimitFault limit, Instant now) {
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
}
