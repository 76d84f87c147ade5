package dev.esetshop.spring;

import dev.esetshop.client.CircuitBreakerSettings;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.client.EsetClientListener;
import dev.esetshop.client.RetrySettings;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The settings every reseller's {@link EsetPartnerClient} shares: timeouts, retry, circuit breaker and rate limit from
 * {@code eset.shop.*}, and the listener that turns calls, retries, breaker changes and rate-limit waits into metrics and traces. A host
 * defines its own bean of this type to change them in code.
 */
public class EsetClientSettings implements UnaryOperator<EsetPartnerClient.Builder> {

    private final EsetShopProperties properties;
    private final EsetClientListener listener;

    /**
     * The settings of the properties.
     *
     * @param properties the starter's properties
     * @param listener receives the clients' events (calls, retries, breaker changes, rate-limit waits)
     */
    public EsetClientSettings(EsetShopProperties properties, EsetClientListener listener) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public EsetPartnerClient.Builder apply(EsetPartnerClient.Builder builder) {
        EsetShopProperties.Retry retry = properties.retry();
        EsetShopProperties.Breaker breaker = properties.breaker();
        EsetShopProperties.RateLimit rateLimit = properties.rateLimit();
        return builder
                .connectTimeout(properties.client().connectTimeout())
                .requestTimeout(properties.client().requestTimeout())
                .retry(RetrySettings.builder()
                        .maxAttempts(retry.maxAttempts())
                        .baseDelay(retry.baseDelay())
                        .maxDelay(retry.maxDelay())
                        .totalBudget(retry.totalBudget())
                        .build())
                .circuitBreaker(CircuitBreakerSettings.builder()
                        .slidingWindowSize(breaker.slidingWindowSize())
                        .failureRatePercent(breaker.failureRatePercent())
                        .openDuration(breaker.openDuration())
                        .halfOpenProbes(breaker.halfOpenProbes())
                        .build())
                .rateLimit(RateLimitSettings.builder()
                        .callsPerPeriod(rateLimit.callsPerPeriod())
                        .period(rateLimit.period())
                        .maxWait(rateLimit.maxWait())
                        .build())
                .eventListener(listener);
    }
}
