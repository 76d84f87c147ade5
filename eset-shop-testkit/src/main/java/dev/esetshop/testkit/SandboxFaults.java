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
public abstract class SandboxFaults {
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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(SandboxFaults instance);

        /**
         * Sets {@link SandboxFaults#failureRate()}.
         *
         * @param failureRate the value
         * @return this builder
         */
        Builder failureRate(double failureRate);

        /**
         * Sets {@link SandboxFaults#loseRate()}.
         *
         * @param loseRate the value
         * @return this builder
         */
        Builder loseRate(double loseRate);

        /**
         * Sets {@link SandboxFaults#cutConnectionRate()}.
         *
         * @param cutConnectionRate the value
         * @return this builder
         */
        Builder cutConnectionRate(double cutConnectionRate);

        /**
         * Sets {@link SandboxFaults#rateLimit()}.
         *
         * @param rateLimit the value
         * @return this builder
         */
        Builder rateLimit(RateLimitFault rateLimit);

        /**
         * Sets {@link SandboxFaults#rateLimit()}.
         *
         * @param rateLimit the value
         * @return this builder
         */
        Builder rateLimit(Optional<? extends RateLimitFault> rateLimit);

        /**
         * Sets {@link SandboxFaults#tokenTtl()}.
         *
         * @param tokenTtl the value
         * @return this builder
         */
        Builder tokenTtl(Duration tokenTtl);

        /**
         * Sets {@link SandboxFaults#sessionTtl()}.
         *
         * @param sessionTtl the value
         * @return this builder
         */
        Builder sessionTtl(Duration sessionTtl);

        /**
         * Sets {@link SandboxFaults#latency()}.
         *
         * @param latency the value
         * @return this builder
         */
        Builder latency(Duration latency);

        /**
         * Builds the value.
         *
         * @return the SandboxFaults
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        SandboxFaults build();
    }
}
