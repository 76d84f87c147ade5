package dev.esetshop.testkit;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The faults a sandbox injects, drawn from its seed in request order, so the same seed and the same requests give the
 * same faults. Faults never apply to {@code /openapi.json}. The default is a well-behaved ESET with ESET's token
 * lifetimes (60 s access token, 30 min session).
 */
@Value.Immutable
public abstract sealed class SandboxFaults permits ImmutableSandboxFaults {
    /** Only the generated implementation extends it. */
    SandboxFaults() {}

    /** The share of requests, in [0, 1], answered with a transient 500, 502 or 503 instead of being handled. */
    @Value.Default
    public double failureRate() {
        return 0;
    }

    /**
     * The share of successful order calls, in [0, 1], whose order is applied but whose answer is lost (the connection
     * is cut after the commit): the client must resend with the same idempotency key to learn the outcome.
     */
    @Value.Default
    public double loseRate() {
        return 0;
    }

    /** The share of requests, in [0, 1], whose connection is cut before anything is handled or answered. */
    @Value.Default
    public double cutConnectionRate() {
        return 0;
    }

    /** A rate limit answering 429 with {@code Retry-After}, if any, counted per partner ({@link RateLimitFault}). */
    public abstract Optional<RateLimitFault> rateLimit();

    /** How long an access token lives on the sandbox's clock. */
    @Value.Default
    public Duration tokenTtl() {
        return Duration.ofSeconds(60);
    }

    /** How long a session (its refresh token) lives on the sandbox's clock, from {@code Token/Get}. */
    @Value.Default
    public Duration sessionTtl() {
        return Duration.ofMinutes(30);
    }

    /** Real time added to every answer; keep it zero in unit tests. */
    @Value.Default
    public Duration latency() {
        return Duration.ZERO;
    }

    /** A builder; every fault is off unless set. */
    public static Builder builder() {
        return ImmutableSandboxFaults.builder();
    }

    /** No faults at all, ESET's default token lifetimes. */
    public static SandboxFaults none() {
        return builder().build();
    }

    /** Refuses inconsistent values when the value is built. */
    @Value.Check
    void check() {
        requireRate("failureRate", failureRate());
        requireRate("loseRate", loseRate());
        requireRate("cutConnectionRate", cutConnectionRate());
        if (tokenTtl().isNegative()
                || tokenTtl().isZero()
                || sessionTtl().isNegative()
                || sessionTtl().isZero()) {
            throw new IllegalArgumentException("token and session lifetimes must be positive");
        }
        if (latency().isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency());
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], not " + rate);
        }
    }

    /** Collects the values of a {@link SandboxFaults}; {@link #build()} checks them. */
    public interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(SandboxFaults instance);

        /** 0 to 1; default 0. */
        Builder failureRate(double failureRate);

        /** 0 to 1; default 0. */
        Builder loseRate(double loseRate);

        /** 0 to 1; default 0. */
        Builder cutConnectionRate(double cutConnectionRate);

        /** Default: none. */
        Builder rateLimit(RateLimitFault rateLimit);

        /** Positive; default 60 s. */
        Builder tokenTtl(Duration tokenTtl);

        /** Positive; default 30 min. */
        Builder sessionTtl(Duration sessionTtl);

        /** Not negative; default zero. */
        Builder latency(Duration latency);

        /** Builds the faults; throws {@link IllegalArgumentException} when a value breaks its rule. */
        SandboxFaults build();
    }
}
