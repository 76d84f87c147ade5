package dev.esetshop.client.internal;

import dev.esetshop.client.BreakerTransition;
import dev.esetshop.client.CircuitBreakerSettings;
import dev.esetshop.client.EsetClientListener;
import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.LicensePage;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.client.Waiter;
import dev.esetshop.client.internal.WireJson.TokenGrant;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.Secret;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EsetPartnerApi} over {@code java.net.http}: every call through the resilient exchange. */
public final class HttpEsetPartnerApi implements EsetPartnerApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEsetPartnerApi.class);

    private final ResilientExchange exchange;
    private final TokenManager tokens;
    private final URI baseUri;
    private final HttpClient http;
    private final @Nullable ClientThreads threads;
    private final boolean ownsHttpClient;
    /** Its own when it owns the HTTP client; else the one watch all clients sharing an HTTP client share. */
    private final DeadlineWatch deadlines;

    /** Everything the client is built from, checked by the public builder. */
    public record Config(
            URI baseUri,
            String username,
            Secret password,
            HttpClient http,
            Duration requestTimeout,
            long maxResponseBytes,
            @Nullable ClientThreads threads,
            RetrySettings retry,
            CircuitBreakerSettings circuitBreaker,
            RateLimitSettings rateLimit,
            Clock clock,
            Waiter waiter,
            Duration tokenRenewalMargin,
            EsetClientListener listener,
            boolean ownsHttpClient) {

        public Config {
            Objects.requireNonNull(baseUri, "baseUri");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(http, "http");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (maxResponseBytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(circuitBreaker, "circuitBreaker");
            Objects.requireNonNull(rateLimit, "rateLimit");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(waiter, "waiter");
            Objects.requireNonNull(tokenRenewalMargin, "tokenRenewalMargin");
            Objects.requireNonNull(listener, "listener");
        }
    }

    /** A client for the configuration. */
    public HttpEsetPartnerApi(Config config) {
        this.baseUri = config.baseUri();
        this.http = config.http();
        this.threads = config.threads();
        this.ownsHttpClient = config.ownsHttpClient();
        this.deadlines = ownsHttpClient ? new DeadlineWatch() : DeadlineWatch.shared();
        CircuitBreaker breaker = breaker(config);
        RateLimitSettings rate = config.rateLimit();
        RateLimiter limiter = RateLimiter.of(
                "eset " + config.baseUri(),
                RateLimiterConfig.custom()
                        .limitForPeriod(rate.callsPerPeriod())
                        .limitRefreshPeriod(rate.period())
                        .timeoutDuration(rate.maxWait())
                        .build());
        this.exchange = new ResilientExchange(
                new HttpTransport(config.http(), config.baseUri(), config.maxResponseBytes(), deadlines),
                config.requestTimeout(),
                config.retry(),
                breaker,
                limiter,
                rate.maxWait(),
                config.waiter(),
                config.clock(),
                config.listener());
        String username = config.username();
        Secret password = config.password();
        this.tokens = new TokenManager(
                new TokenManager.Endpoint() {
                    @Override
                    public TokenGrant login() {
                        return exchange.call(
                                EsetCall.TOKEN_GET,
                                WireJson.tokenGet(username, password),
                                Optional.empty(),
                                Optional.empty(),
                                WireJson::tokenGrant);
                    }

                    @Override
                    public TokenGrant renew(Secret refreshToken) {
                        return exchange.call(
                                EsetCall.TOKEN_RENEW,
                                WireJson.tokenRenew(refreshToken),
                                Optional.empty(),
                                Optional.empty(),
                                WireJson::tokenGrant);
                    }
                },
                config.clock(),
                config.tokenRenewalMargin());
    }

    /** One breaker per client, named after the base URI, with its state changes logged and reported. */
    private static CircuitBreaker breaker(Config config) {
        CircuitBreakerSettings settings = config.circuitBreaker();
        CircuitBreaker breaker = CircuitBreaker.of(
                "eset " + config.baseUri(),
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.slidingWindowSize())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .failureRateThreshold(settings.failureRatePercent())
                        .waitDurationInOpenState(settings.openDuration())
                        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenProbes())
                        .clock(config.clock())
                        .build());
        EsetClientListener listener = new SafeListener(config.listener());
        breaker.getEventPublisher().onStateTransition(event -> {
            String from = event.getStateTransition().getFromState().name();
            String to = event.getStateTransition().getToState().name();
            LOG.debug("ESET circuit breaker for {}: {} -> {}", config.baseUri(), from, to);
            listener.onCircuitStateChange(new BreakerTransition(from, to));
        });
        return breaker;
    }

    @Override
    public PartnerStatus partnerStatus() {
        return authenticated(EsetCall.PARTNER_STATUS, WireJson.empty(), Optional.empty(), WireJson::partnerStatus);
    }

    @Override
    public LicensePage searchLicenses(int skip, int take) {
        return search(skip, take, null);
    }

    @Override
    public LicensePage searchLicenses(int skip, int take, Instant modifiedSince) {
        return search(skip, take, Objects.requireNonNull(modifiedSince, "modifiedSince"));
    }

    private LicensePage search(int skip, int take, @Nullable Instant modifiedSince) {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative, not " + skip);
        }
        if (take < 1 || take > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("the page size must be 1 to " + MAX_PAGE_SIZE + ", not " + take);
        }
        return authenticated(
                EsetCall.SEARCH_LICENSES,
                WireJson.search(skip, take, modifiedSince),
                Optional.empty(),
                body -> WireJson.page(body, skip, take));
    }

    @Override
    public License licenseDetail(LicenseId id) {
        return authenticated(EsetCall.LICENSE_DETAIL, WireJson.licenseDetail(id), Optional.empty(), WireJson::license);
    }

    @Override
    public OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
        return authenticated(EsetCall.LICENSE_ORDER, WireJson.order(order), Optional.of(key), WireJson::receipt);
    }

    @Override
    public OrderReceipt renew(RenewalOrder order, IdempotencyKey key) {
        return authenticated(EsetCall.LICENSE_RENEW, WireJson.renew(order), Optional.of(key), WireJson::receipt);
    }

    @Override
    public OrderReceipt changeProduct(ProductChangeOrder order, IdempotencyKey key) {
        return authenticated(
                EsetCall.LICENSE_CHANGE_PRODUCT, WireJson.changeProduct(order), Optional.of(key), WireJson::receipt);
    }

    @Override
    public OrderReceipt trial(TrialOrder order, IdempotencyKey key) {
        return authenticated(EsetCall.LICENSE_TRIAL, WireJson.trial(order), Optional.of(key), WireJson::receipt);
    }

    @Override
    public OrderReceipt convertTrial(TrialConversionOrder order, IdempotencyKey key) {
        return authenticated(
                EsetCall.LICENSE_CONVERT_TRIAL, WireJson.convertTrial(order), Optional.of(key), WireJson::receipt);
    }

    @Override
    public String toString() {
        return "EsetPartnerClient[" + EsetText.uri(baseUri) + "]";
    }

    /**
     * Refuses further calls, stops the HTTP client where the JDK can (Java 21 and later), then ends the threads the
     * client owns and waits for them. Idempotent.
     */
    @Override
    public void close() {
        exchange.close();
        if (ownsHttpClient) {
            shutDownHttpClient();
            deadlines.close();
        }
        if (threads != null) {
            threads.close();
        }
    }

    private void shutDownHttpClient() {
        shutDown(http);
    }

    /** {@code HttpClient.shutdownNow()} exists from Java 21; on 17 its selector thread ends with the client. */
    public static void shutDown(HttpClient http) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(http);
        } catch (NoSuchMethodException e) {
            LOG.trace("this JDK's HttpClient cannot be shut down; its selector thread ends when it is collected");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug(
                    "the HTTP client could not be shut down ({})", e.getClass().getSimpleName());
        }
    }

    /** Every call but the token calls; the body is built once, so a retried order resends the identical bytes. */
    private <T> T authenticated(
            EsetCall call, byte[] body, Optional<IdempotencyKey> key, java.util.function.Function<byte[], T> reader) {
        Objects.requireNonNull(key, "key");
        return exchange.call(call, body, key, Optional.of(tokens), reader);
    }
}
