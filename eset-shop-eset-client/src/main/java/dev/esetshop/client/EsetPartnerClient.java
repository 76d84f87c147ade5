package dev.esetshop.client;

import dev.esetshop.client.internal.ClientThreads;
import dev.esetshop.client.internal.EsetText;
import dev.esetshop.client.internal.HttpEsetPartnerApi;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The client of ESET's partner API: {@link #builder()} configures and {@link Builder#build()} returns an immutable,
 * thread-safe client backed by one shared {@code java.net.http.HttpClient}, with retry, circuit breaker, rate
 * limiter, bearer tokens, paging and typed errors.
 *
 * <p>Every answer is bounded: its body is read up to {@link Builder#maxResponseSize(long)} bytes (default 4 MiB,
 * more is {@code ESET_RESPONSE_TOO_LARGE}), headers and body together must arrive within
 * {@link Builder#requestTimeout(Duration)} (default 30 s, else {@code ESET_TIMEOUT}), and the whole call, retries,
 * waits and any login on the way included, ends within {@link RetrySettings#totalBudget()} (default 30 s).
 *
 * <p>The client owns threads: {@link #close()} it when the application stops (closing twice is harmless); a call
 * after that fails with {@code CLIENT_CLOSED}.
 *
 * <pre>{@code
 * try (EsetPartnerClient eset = EsetPartnerClient.builder()
 *         .baseUri(URI.create("https://partner-api.example.eset.com"))
 *         .credentials("reseller@example.com", Secret.of(password))
 *         .build()) {
 *     PartnerStatus status = eset.partnerStatus();
 * }
 * }</pre>
 */
public final class EsetPartnerClient implements EsetPartnerApi {

    private static final String OPENAPI = "openapi.json";

    /** The default cap of an answer's body: 4 MiB, some sixty times a full page of licenses. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 4L * 1024 * 1024;

    /** How long connecting may take unless {@link Builder#connectTimeout(Duration)} says otherwise: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final EsetPartnerApi api;

    private EsetPartnerClient(EsetPartnerApi api) {
        this.api = api;
    }

    /**
     * A builder with the defaults: 5 s connect and 30 s request timeout, 4 MiB answers, the default retry, breaker
     * and rate limit.
     *
     * @return a new builder; give it at least {@link Builder#baseUri(URI)} and {@link Builder#credentials}
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public PartnerStatus partnerStatus() {
        return api.partnerStatus();
    }

    @Override
    public LicensePage searchLicenses(int skip, int take) {
        return api.searchLicenses(skip, take);
    }

    @Override
    public LicensePage searchLicenses(int skip, int take, Instant modifiedSince) {
        return api.searchLicenses(skip, take, modifiedSince);
    }

    @Override
    public License licenseDetail(LicenseId id) {
        return api.licenseDetail(id);
    }

    @Override
    public OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
        return api.order(order, key);
    }

    @Override
    public OrderReceipt renew(RenewalOrder order, IdempotencyKey key) {
        return api.renew(order, key);
    }

    @Override
    public OrderReceipt changeProduct(ProductChangeOrder order, IdempotencyKey key) {
        return api.changeProduct(order, key);
    }

    @Override
    public OrderReceipt trial(TrialOrder order, IdempotencyKey key) {
        return api.trial(order, key);
    }

    @Override
    public OrderReceipt convertTrial(TrialConversionOrder order, IdempotencyKey key) {
        return api.convertTrial(order, key);
    }

    /**
     * Refuses further calls and ends the client's own threads (its HTTP executor when none was given to
     * {@link Builder#executor(Executor)}; on Java 21 and later the HTTP client too), waiting until they are gone.
     * A call in flight ends at its next attempt. Closing twice is harmless.
     *
     * <p>A call after closing fails with {@link dev.esetshop.core.error.ClientClosedException}.
     */
    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return api.toString();
    }

    /**
     * Checks an ESET base URI as {@link Builder#build()} does, so a configuration can refuse one at start-up rather
     * than at the first call: an absolute {@code https://} URL with a host ({@code http://} only on loopback), without
     * user info, query or fragment. The refusal never shows user info, a query or a fragment.
     *
     * @param baseUri the URI to check
     * @throws IllegalStateException when the client would refuse it, saying why
     */
    public static void checkBaseUri(URI baseUri) {
        Builder.checkScheme(Objects.requireNonNull(baseUri, "baseUri"));
    }

    /**
     * The OpenAPI 3.1 document of the wire protocol this client speaks, as JSON text.
     *
     * @return the document
     * @throws IllegalStateException when the document is missing from the jar (a broken build)
     * @throws java.io.UncheckedIOException when the jar cannot be read
     */
    public static String openApiDocument() {
        try (InputStream in = EsetPartnerClient.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the client's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document", e);
        }
    }

    /** Configures a client; {@link #build()} checks the configuration. Not thread-safe; build once and share. */
    public static final class Builder {

        private @Nullable URI baseUri;
        private @Nullable String username;
        private @Nullable Secret password;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;
        private RetrySettings retry = RetrySettings.defaults();
        private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.defaults();
        private RateLimitSettings rateLimit = RateLimitSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private @Nullable Executor executor;
        private @Nullable HttpClient httpClient;
        private Duration tokenRenewalMargin = Duration.ofSeconds(10);
        private EsetClientListener listener = EsetClientListener.NONE;
        private Waiter waiter = Waiter.REAL_TIME;

        private Builder() {}

        /**
         * ESET's base URL; calls go to {@code {base}/api/<Category>/<Call>}. {@code https} unless on loopback.
         *
         * @param baseUri ESET's base URL, such as the sandbox's {@code EsetSandbox.baseUri()}
         * @return this builder
         * @throws NullPointerException when the URI is null
         */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        /**
         * The partner's ESET username and password, used for {@code Token/Get}.
         *
         * @param username the partner's ESET username
         * @param password the password, never logged
         * @return this builder
         * @throws NullPointerException when either is null
         */
        public Builder credentials(String username, Secret password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * How long connecting may take (default 5 s).
         *
         * @param timeout the connect timeout
         * @return this builder
         * @throws NullPointerException when the timeout is null
         * @throws IllegalArgumentException when the timeout is zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * How long one attempt may wait for its whole answer, headers and body (default 30 s); a stalled or
         * trickled answer is cut there. The retry budget ({@link RetrySettings#totalBudget()}) cuts it further.
         *
         * @param timeout the time one attempt may take
         * @return this builder
         * @throws NullPointerException when the timeout is null
         * @throws IllegalArgumentException when the timeout is zero or negative
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /**
         * The largest answer body read, in bytes (default {@link #DEFAULT_MAX_RESPONSE_SIZE}, 4 MiB); a larger
         * one is dropped as soon as it passes the cap and the call fails with {@code ESET_RESPONSE_TOO_LARGE}.
         *
         * @param bytes the cap in bytes
         * @return this builder
         * @throws IllegalArgumentException when the cap is not positive
         */
        public Builder maxResponseSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseSize must be positive, not " + bytes);
            }
            this.maxResponseSize = bytes;
            return this;
        }

        /**
         * The retry policy (default {@link RetrySettings#defaults()}).
         *
         * @param settings the retry policy
         * @return this builder
         * @throws NullPointerException when the settings are null
         */
        public Builder retry(RetrySettings settings) {
            this.retry = Objects.requireNonNull(settings, "retry");
            return this;
        }

        /**
         * The circuit breaker (default {@link CircuitBreakerSettings#defaults()}); one breaker per built client.
         *
         * @param settings the breaker's settings
         * @return this builder
         * @throws NullPointerException when the settings are null
         */
        public Builder circuitBreaker(CircuitBreakerSettings settings) {
            this.circuitBreaker = Objects.requireNonNull(settings, "circuitBreaker");
            return this;
        }

        /**
         * The client's own rate limit (default {@link RateLimitSettings#defaults()}).
         *
         * @param settings the rate limit
         * @return this builder
         * @throws NullPointerException when the settings are null
         */
        public Builder rateLimit(RateLimitSettings settings) {
            this.rateLimit = Objects.requireNonNull(settings, "rateLimit");
            return this;
        }

        /**
         * The clock for token expiry, the retry budget and the breaker's open time (default UTC system clock).
         *
         * @param clock the clock; tests pass a fixed or stepping one
         * @return this builder
         * @throws NullPointerException when the clock is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The executor of the HTTP client's asynchronous work. Default: a pool the client owns, of daemon threads
         * named {@code eset-client-<n>-<m>}, ended by {@link EsetPartnerClient#close()}; an executor given here
         * stays the caller's to shut down.
         *
         * @param executor the executor of the HTTP client
         * @return this builder
         * @throws NullPointerException when the executor is null
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * An HTTP client to share with other clients (one per marketplace instance rather than one per reseller):
         * this client then uses its connections and executor, and its connect timeout and redirect policy instead of
         * {@link #connectTimeout(Duration)} and {@link #executor(Executor)}; give it
         * {@code followRedirects(NEVER)}. {@link EsetPartnerClient#close()} leaves it open: it stays the caller's.
         * Each client keeps its own token, circuit breaker and rate limiter.
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The transport this client shares with the other resellers' clients of the instance: its HTTP client,
         * executor and deadline watch, instead of threads of its own ({@link #connectTimeout(Duration)} and
         * {@link #executor(Executor)} are then the transport's). {@link EsetPartnerClient#close()} leaves it open.
         * The client keeps its own token, circuit breaker and rate limiter.
         *
         * @param transport the shared transport
         * @return this builder
         * @throws NullPointerException when the transport is null
         */
        public Builder transport(EsetTransport transport) {
            this.httpClient = Objects.requireNonNull(transport, "transport").httpClient();
            return this;
        }

        /**
         * How long before expiry the token is renewed (default 10 s); never more than a fifth of the token's
         * lifetime, so short-lived tokens are not renewed on every call.
         *
         * @param margin the time before expiry at which the token is renewed
         * @return this builder
         * @throws NullPointerException when the margin is null
         * @throws IllegalArgumentException when the margin is negative
         */
        public Builder tokenRenewalMargin(Duration margin) {
            Objects.requireNonNull(margin, "tokenRenewalMargin");
            if (margin.isNegative()) {
                throw new IllegalArgumentException("tokenRenewalMargin must not be negative");
            }
            this.tokenRenewalMargin = margin;
            return this;
        }

        /**
         * Receives every call's start and end, retries, breaker state changes and rate-limit waits, for metrics and
         * traces (default: none); a listener that throws is logged and never breaks a call.
         *
         * @param listener the listener of the client's events
         * @return this builder
         * @throws NullPointerException when the listener is null
         */
        public Builder eventListener(EsetClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How the client waits for back-off and rate limit (default real time); tests inject a fake.
         *
         * @param waiter the waiter
         * @return this builder
         * @throws NullPointerException when the waiter is null
         */
        public Builder waiter(Waiter waiter) {
            this.waiter = Objects.requireNonNull(waiter, "waiter");
            return this;
        }

        /**
         * The client.
         *
         * @return a new client, which owns its threads until {@link EsetPartnerClient#close()}
         * @throws IllegalStateException when the base URI or the credentials are missing, or the base URI is not
         *     {@code https} and not on loopback, or it has user info, a query or a fragment
         */
        public EsetPartnerClient build() {
            if (baseUri == null) {
                throw new IllegalStateException("the ESET base URI is missing: call baseUri(URI) before build()");
            }
            if (username == null || password == null) {
                throw new IllegalStateException(
                        "the ESET credentials are missing: call credentials(username, password) before build()");
            }
            if (username.isBlank()) {
                throw new IllegalStateException("the ESET username is blank");
            }
            checkBaseUri(baseUri);
            if (httpClient != null) {
                return new EsetPartnerClient(new HttpEsetPartnerApi(new HttpEsetPartnerApi.Config(
                        baseUri,
                        username,
                        password,
                        httpClient,
                        requestTimeout,
                        maxResponseSize,
                        null,
                        retry,
                        circuitBreaker,
                        rateLimit,
                        clock,
                        waiter,
                        tokenRenewalMargin,
                        listener,
                        false)));
            }
            HttpClient.Builder http =
                    HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
            if ("http".equalsIgnoreCase(baseUri.getScheme())) {
                // Plain loopback (sandbox, tests): HTTP/1.1 spares the h2c upgrade dance on every connection.
                http.version(HttpClient.Version.HTTP_1_1);
            }
            ClientThreads owned = null;
            if (executor == null) {
                owned = new ClientThreads();
                http.executor(owned.executor());
            } else {
                http.executor(executor);
            }
            return new EsetPartnerClient(new HttpEsetPartnerApi(new HttpEsetPartnerApi.Config(
                    baseUri,
                    username,
                    password,
                    http.build(),
                    requestTimeout,
                    maxResponseSize,
                    owned,
                    retry,
                    circuitBreaker,
                    rateLimit,
                    clock,
                    waiter,
                    tokenRenewalMargin,
                    listener,
                    true)));
        }

        /** The base URI as given, or refused; the refusal never shows user info, a query or a fragment. */
        private static void checkScheme(URI uri) {
            String shown = EsetText.uri(uri);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalStateException(
                        "the ESET base URI must be an absolute https:// URL with a host, not " + shown);
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalStateException("the ESET base URI must not carry user info (user:password@);"
                        + " give the credentials to credentials(username, password) instead, not " + shown);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalStateException("the ESET base URI must not have a query (?...) or a fragment"
                        + " (#...): calls are appended to its path; not " + shown);
            }
            if (scheme.equals("http") && !isLoopback(uri.getHost())) {
                throw new IllegalStateException("plain http:// would send the ESET password and tokens unencrypted;"
                        + " use https:// (http:// is only allowed on loopback), not " + shown);
            }
        }

        static boolean isLoopback(String host) {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (bare.equalsIgnoreCase("localhost")) {
                return true;
            }
            // Only literal addresses are judged, so a DNS name can never be resolved to loopback by surprise.
            if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
                return false;
            }
            try {
                return InetAddress.getByName(bare).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, not " + value);
            }
            return value;
        }
    }
}
