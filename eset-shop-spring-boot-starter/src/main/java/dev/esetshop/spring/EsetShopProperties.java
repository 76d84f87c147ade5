package dev.esetshop.spring;

import dev.esetshop.client.EsetPartnerClient;
import java.net.URI;
import dev.esetshop.sdk.EsetShop;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code eset.shop.*} settings of the starter. Every value is checked when the application starts: a bad one
 * fails the start with a message that names the property.
 */
@ConfigurationProperties("eset.shop")
public final class EsetShopProperties {

    /**
     * ESET's partner API base URL (https://...); required unless the host defines its own EsetPartnerApiFactory.
     */
    private final Optional<URI> baseUrl;

    /**
     * Where the price catalog is read from, a Spring resource location such as classpath:catalog.json or
     * file:/etc/eset/catalog.json; default the SDK's sample catalog.
     */
    private final Optional<String> catalogLocation;
    private final Client client;
    private final Retry retry;
    private final Breaker breaker;
    private final RateLimit rateLimit;
    private final Sync sync;
    private final Reconcile reconcile;
    private final Reminders reminders;
    private final Health health;
    private final Storage storage;
    private final Metrics metrics;

    /**
     * The settings as bound by Spring Boot.
     *
     * @param baseUrl ESET's partner API base URL ({@code https://...}); required unless the host defines its own
     *     {@link EsetPartnerApiFactory}
     * @param catalogLocation where the price catalog is read from, a Spring resource location such as
     *     {@code classpath:catalog.json} or {@code file:/etc/eset/catalog.json}; default the SDK's sample catalog
     * @param client timeouts of every reseller's ESET client
     * @param retry the retry of transient ESET failures
     * @param breaker the circuit breaker of each reseller's client
     * @param rateLimit the client's own rate limit
     * @param sync the scheduled sync of every reseller's license book
     * @param reconcile the scheduled reconcile of pending orders
     * @param health the thresholds of the health indicator
     * @param storage who applies the database schema
     * @param reminders the scheduled renewal reminders
     * @param metrics the shape of the starter's metrics
     */
    public EsetShopProperties(URI baseUrl, String catalogLocation, @DefaultValue Client client,
            @DefaultValue Retry retry, @DefaultValue Breaker breaker, @DefaultValue RateLimit rateLimit,
            @DefaultValue Sync sync, @DefaultValue Reconcile reconcile, @DefaultValue Health health,
            @DefaultValue Storage storage, @DefaultValue Reminders reminders, @DefaultValue Metrics metrics) {
        this.baseUrl = Optional.ofNullable(baseUrl);
        this.catalogLocation = Optional.ofNullable(catalogLocation).filter(location -> !location.isBlank());
        this.client = Objects.requireNonNull(client, "client");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.sync = Objects.requireNonNull(sync, "sync");
        this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
        this.health = Objects.requireNonNull(health, "health");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.baseUrl.ifPresent(EsetShopProperties::checkBaseUrl);
        if (reconcile.claimLease().compareTo(retry.totalBudget()) <= 0) {
            // a claim that lapses while its holder still sends lets another instance send the same order meanwhile
            throw new IllegalArgumentException("eset.shop.reconcile.claim-lease (" + reconcile.claimLease()
                    + ") must be longer than an ESET call may take with all its retries, eset.shop.retry.total-budget ("
                    + retry.totalBudget() + ")");
        }
    }

    /**
     * Who applies the database schema.
     *
     * @return the storage settings
     */
    public Storage storage() {
        return storage;
    }

    /** ESET's partner API base URL, when configured. */
    public Optional<URI> baseUrl() {
        return baseUrl;
    }

    /** Where the catalog is read from, when configured (else {@code Catalog.sample()}). */
    public Optional<String> catalogLocation() {
        return catalogLocation;
    }

    /** The client's timeouts. */
    public Client client() {
        return client;
    }

    /** The retry policy. */
    public Retry retry() {
        return retry;
    }

    /** The circuit breaker. */
    public Breaker breaker() {
        return breaker;
    }

    /** The client's rate limit. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** The scheduled fleet sync. */
    public Sync sync() {
        return sync;
    }

    /** The scheduled reconcile. */
    public Reconcile reconcile() {
        return reconcile;
    }

    /**
     * The scheduled renewal reminders.
     *
     * @return the reminder settings
     */
    public Reminders reminders() {
        return reminders;
    }

    /**
     * The shape of the starter's metrics.
     *
     * @return the metrics settings
     */
    public Metrics metrics() {
        return metrics;
    }

    /** The health indicator's thresholds. */
    public Health health() {
        return health;
    }

    /** The client's own check, at start-up: what the client would refuse at its first call stops the start. */
    private static void checkBaseUrl(URI uri) {
        try {
            EsetPartnerClient.checkBaseUri(uri);
        } catch (IllegalStateException refused) {
            throw new IllegalArgumentException("eset.shop.base-url: " + refused.getMessage()
                    + " (such as https://partner-api.eset.example)", refused);
        }
    }

    /**
     * Timeouts of every reseller's ESET client.
     *
     * @param connectTimeout how long connecting may take
     * @param requestTimeout how long one attempt may wait for its whole answer
     */
    public record Client(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration requestTimeout) {
        /** Checked settings. */
        public Client {
            positive("eset.shop.client.connect-timeout", connectTimeout);
            positive("eset.shop.client.request-timeout", requestTimeout);
        }
    }

    /**
     * The retry of transient ESET failures (timeouts, 429, 5xx), with exponential back-off.
     *
     * @param maxAttempts attempts per call, the first included
     * @param baseDelay the first back-off
     * @param maxDelay the longest back-off
     * @param totalBudget the longest a call may take with every retry
     */
    public record Retry(@DefaultValue("6") int maxAttempts, @DefaultValue("200ms") Duration baseDelay,
            @DefaultValue("10s") Duration maxDelay, @DefaultValue("30s") Duration totalBudget) {
        /** Checked settings. */
        public Retry {
            atLeastOne("eset.shop.retry.max-attempts", maxAttempts);
            positive("eset.shop.retry.base-delay", baseDelay);
            positive("eset.shop.retry.max-delay", maxDelay);
            positive("eset.shop.retry.total-budget", totalBudget);
            if (baseDelay.compareTo(maxDelay) > 0) {
                throw new IllegalArgumentException(
                        "eset.shop.retry.base-delay must not exceed eset.shop.retry.max-delay");
            }
        }
    }

    /**
     * The circuit breaker of each reseller's client: it opens when the failure rate of the last calls reaches the
     * threshold, and lets a few probes through after the open duration.
     *
     * @param slidingWindowSize calls the failure rate is measured over
     * @param failureRatePercent failure rate that opens the breaker, 1 to 100
     * @param openDuration how long the breaker stays open
     * @param halfOpenProbes calls let through to probe ESET
     */
    public record Breaker(@DefaultValue("20") int slidingWindowSize, @DefaultValue("50") int failureRatePercent,
            @DefaultValue("30s") Duration openDuration, @DefaultValue("3") int halfOpenProbes) {
        /** Checked settings. */
        public Breaker {
            atLeastOne("eset.shop.breaker.sliding-window-size", slidingWindowSize);
            atLeastOne("eset.shop.breaker.half-open-probes", halfOpenProbes);
            if (failureRatePercent < 1 || failureRatePercent > 100) {
                throw new IllegalArgumentException(
                        "eset.shop.breaker.failure-rate-percent must be 1 to 100, not " + failureRatePercent);
            }
            positive("eset.shop.breaker.open-duration", openDuration);
        }
    }

    /**
     * The client's own rate limit, below ESET's.
     *
     * @param callsPerPeriod calls allowed per period
     * @param period the period
     * @param maxWait the longest a call waits for its turn before it fails
     */
    public record RateLimit(@DefaultValue("10") int callsPerPeriod, @DefaultValue("1s") Duration period,
            @DefaultValue("30s") Duration maxWait) {
        /** Checked settings. */
        public RateLimit {
            atLeastOne("eset.shop.rate-limit.calls-per-period", callsPerPeriod);
            positive("eset.shop.rate-limit.period", period);
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("eset.shop.rate-limit.max-wait must not be negative");
            }
        }
    }

    /**
     * The scheduled sync of every reseller of the directory.
     *
     * @param enabled whether the starter syncs on a timer
     * @param interval the time between two rounds
     * @param maxAge how old a book may be before a round syncs it again
     * @param concurrency how many resellers this instance syncs at once (each within its own rate limit)
     */
    public record Sync(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration interval,
            @DefaultValue("10m") Duration maxAge, @DefaultValue("4") int concurrency) {
        /** Checked settings. */
        public Sync {
            positive("eset.shop.sync.interval", interval);
            if (concurrency < 1) {
                throw new IllegalArgumentException("eset.shop.sync.concurrency must be at least 1, not " + concurrency);
            }
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("eset.shop.sync.max-age must not be negative");
            }
        }
    }

    /**
     * The scheduled reconcile of every reseller's pending orders and undelivered confirmations.
     *
     * @param enabled whether the starter reconciles on a timer
     * @param interval the time between two rounds
     * @param claimLease how long an instance's claim on a journal entry holds: longer than a send with all its
     *     retries, so a live instance is never overtaken, and short enough that a killed one's orders move on soon
     */
    public record Reconcile(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
            @DefaultValue("2m") Duration claimLease) {
        /** Checked settings. */
        public Reconcile {
            positive("eset.shop.reconcile.interval", interval);
            positive("eset.shop.reconcile.claim-lease", claimLease);
        }
    }

    /**
     * The scheduled renewal reminders of every reseller: each round delivers every reseller's due reminders once (per
     * license and window, whatever the number of instances) to the host's {@link RenewalRemindersHandler}; without
     * such a bean no round runs.
     *
     * @param enabled whether the starter delivers reminders on a timer
     * @param interval the time between two rounds
     * @param windows the reminder windows in days before expiry, each 1 to 3650
     */
    public record Reminders(@DefaultValue("true") boolean enabled, @DefaultValue("6h") Duration interval,
            @DefaultValue({"90", "60", "30", "7"}) List<Integer> windows) {
        /** Checked settings. */
        public Reminders {
            positive("eset.shop.reminders.interval", interval);
            try {
                EsetShop.builder().reminderWindows(windows);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("eset.shop.reminders.windows: " + e.getMessage(), e);
            }
            windows = List.copyOf(windows);
        }
    }

    /**
     * Where the books and journals live when the host has a {@code DataSource}.
     *
     * @param schemaManagedByHost true when the host applies the SDK's Flyway scripts itself
     *     ({@code JdbcStorage.migrate} in its own migration step, with their own history table); by default the SDK
     *     applies them at start-up
     */
    public record Storage(@DefaultValue("false") boolean schemaManagedByHost) {}

    /**
     * When the health indicator reports DOWN, besides a database it cannot read (open circuit breakers and undelivered
     * confirmations are only counted).
     *
     * @param pendingOrderAge the oldest pending order of the shared journal older than this
     */
    public record Health(@DefaultValue("15m") Duration pendingOrderAge) {
        /** Checked settings. */
        public Health {
            positive("eset.shop.health.pending-order-age", pendingOrderAge);
        }
    }

    /**
     * The shape of the starter's metrics ({@link EsetShopMonitor}).
     *
     * @param resellerTag whether the order counters and the sync age carry a {@code reseller} tag: a series per
     *     reseller (ten thousand resellers, ten thousand series), for a marketplace that wants them; by default the
     *     series are over every reseller and their number does not grow with the resellers
     */
    public record Metrics(@DefaultValue("false") boolean resellerTag) {}

    private static void positive(String property, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be positive, not " + value);
        }
    }

    private static void atLeastOne(String property, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, not " + value);
        }
    }
}
