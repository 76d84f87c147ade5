package dev.esetshop.spring;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code eset.shop.*} settings of the starter. They only override: a value left unset keeps the default of the
 * builder it is applied onto ({@code EsetPartnerClient.Builder}, {@code RetrySettings}, {@code EsetShops.Builder},
 * ...), and it is those builders' checks that judge a value at start-up; a value they refuse fails the start with a
 * message naming the property. Only what no builder has (the timers, the health threshold) has its default here.
 */
@ConfigurationProperties("eset.shop")
public final class EsetShopProperties {

    private final Optional<URI> baseUrl;
    private final Optional<String> catalogLocation;
    private final Optional<String> instanceId;
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
     * The settings as bound by Spring Boot; a null value is unset.
     *
     * @param baseUrl ESET's partner API base URL ({@code https://...}); required unless the host defines its own
     *     {@link EsetPartnerApiFactory}
     * @param catalogLocation where the price catalog is read from, a Spring resource location such as
     *     {@code classpath:catalog.json} or {@code file:/etc/eset/catalog.json}; default the SDK's sample catalog
     * @param instanceId the name this instance claims syncs and journal entries under among those sharing the
     *     database, such as the pod name; default a random one
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
    public EsetShopProperties(
            URI baseUrl,
            String catalogLocation,
            String instanceId,
            @DefaultValue Client client,
            @DefaultValue Retry retry,
            @DefaultValue Breaker breaker,
            @DefaultValue RateLimit rateLimit,
            @DefaultValue Sync sync,
            @DefaultValue Reconcile reconcile,
            @DefaultValue Health health,
            @DefaultValue Storage storage,
            @DefaultValue Reminders reminders,
            @DefaultValue Metrics metrics) {
        this.baseUrl = Optional.ofNullable(baseUrl);
        this.catalogLocation = Optional.ofNullable(catalogLocation).filter(location -> !location.isBlank());
        this.instanceId = Optional.ofNullable(instanceId);
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
    }

    /**
     * ESET's partner API base URL ({@code EsetPartnerClient.Builder.baseUri}).
     *
     * @return the URL, when configured
     */
    public Optional<URI> baseUrl() {
        return baseUrl;
    }

    /**
     * Where the catalog is read from (else {@code Catalog.sample()}).
     *
     * @return the location, when configured
     */
    public Optional<String> catalogLocation() {
        return catalogLocation;
    }

    /**
     * This instance's name among those sharing the database ({@code EsetShops.Builder.instance}).
     *
     * @return the name, when configured
     */
    public Optional<String> instanceId() {
        return instanceId;
    }

    /**
     * The client's timeouts.
     *
     * @return the timeouts
     */
    public Client client() {
        return client;
    }

    /**
     * The retry policy.
     *
     * @return the retry
     */
    public Retry retry() {
        return retry;
    }

    /**
     * The circuit breaker.
     *
     * @return the breaker
     */
    public Breaker breaker() {
        return breaker;
    }

    /**
     * The client's rate limit.
     *
     * @return the rate limit
     */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /**
     * The scheduled fleet sync.
     *
     * @return the sync settings
     */
    public Sync sync() {
        return sync;
    }

    /**
     * The scheduled reconcile.
     *
     * @return the reconcile settings
     */
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

    /**
     * The health indicator's thresholds.
     *
     * @return the health settings
     */
    public Health health() {
        return health;
    }

    /**
     * Who applies the database schema.
     *
     * @return the storage settings
     */
    public Storage storage() {
        return storage;
    }

    /** Timeouts of every reseller's ESET client; unset ones keep the client's defaults. */
    public static final class Client {

        private final Optional<Duration> connectTimeout;
        private final Optional<Duration> requestTimeout;

        /**
         * The timeouts as bound; a null one is unset.
         *
         * @param connectTimeout how long connecting may take
         * @param requestTimeout how long one attempt may wait for its whole answer
         */
        public Client(Duration connectTimeout, Duration requestTimeout) {
            this.connectTimeout = Optional.ofNullable(connectTimeout);
            this.requestTimeout = Optional.ofNullable(requestTimeout);
        }

        /**
         * How long connecting may take ({@code EsetPartnerClient.Builder.connectTimeout}).
         *
         * @return the timeout, when set
         */
        public Optional<Duration> connectTimeout() {
            return connectTimeout;
        }

        /**
         * How long one attempt may wait for its whole answer ({@code EsetPartnerClient.Builder.requestTimeout}).
         *
         * @return the timeout, when set
         */
        public Optional<Duration> requestTimeout() {
            return requestTimeout;
        }
    }

    /**
     * The retry of transient ESET failures (timeouts, 429, 5xx), with exponential back-off; unset values keep
     * {@code RetrySettings.defaults()}.
     */
    public static final class Retry {

        private final OptionalInt maxAttempts;
        private final Optional<Duration> baseDelay;
        private final Optional<Duration> maxDelay;
        private final Optional<Duration> totalBudget;

        /**
         * The retry as bound; a null value is unset.
         *
         * @param maxAttempts attempts per call, the first included
         * @param baseDelay the first back-off
         * @param maxDelay the longest back-off
         * @param totalBudget the longest a call may take with every retry
         */
        public Retry(Integer maxAttempts, Duration baseDelay, Duration maxDelay, Duration totalBudget) {
            this.maxAttempts = optional(maxAttempts);
            this.baseDelay = Optional.ofNullable(baseDelay);
            this.maxDelay = Optional.ofNullable(maxDelay);
            this.totalBudget = Optional.ofNullable(totalBudget);
        }

        /**
         * Attempts per call, the first included.
         *
         * @return the attempts, when set
         */
        public OptionalInt maxAttempts() {
            return maxAttempts;
        }

        /**
         * The first back-off.
         *
         * @return the delay, when set
         */
        public Optional<Duration> baseDelay() {
            return baseDelay;
        }

        /**
         * The longest back-off.
         *
         * @return the delay, when set
         */
        public Optional<Duration> maxDelay() {
            return maxDelay;
        }

        /**
         * The longest a call may take with every retry.
         *
         * @return the budget, when set
         */
        public Optional<Duration> totalBudget() {
            return totalBudget;
        }
    }

    /**
     * The circuit breaker of each reseller's client: it opens when the failure rate of the last calls reaches the
     * threshold, and lets a few probes through after the open duration; unset values keep
     * {@code CircuitBreakerSettings.defaults()}.
     */
    public static final class Breaker {

        private final OptionalInt slidingWindowSize;
        private final OptionalInt failureRatePercent;
        private final Optional<Duration> openDuration;
        private final OptionalInt halfOpenProbes;

        /**
         * The breaker as bound; a null value is unset.
         *
         * @param slidingWindowSize calls the failure rate is measured over
         * @param failureRatePercent failure rate that opens the breaker, 1 to 100
         * @param openDuration how long the breaker stays open
         * @param halfOpenProbes calls let through to probe ESET
         */
        public Breaker(
                Integer slidingWindowSize, Integer failureRatePercent, Duration openDuration, Integer halfOpenProbes) {
            this.slidingWindowSize = optional(slidingWindowSize);
            this.failureRatePercent = optional(failureRatePercent);
            this.openDuration = Optional.ofNullable(openDuration);
            this.halfOpenProbes = optional(halfOpenProbes);
        }

        /**
         * Calls the failure rate is measured over.
         *
         * @return the window, when set
         */
        public OptionalInt slidingWindowSize() {
            return slidingWindowSize;
        }

        /**
         * Failure rate in percent that opens the breaker.
         *
         * @return the rate, when set
         */
        public OptionalInt failureRatePercent() {
            return failureRatePercent;
        }

        /**
         * How long the breaker stays open.
         *
         * @return the duration, when set
         */
        public Optional<Duration> openDuration() {
            return openDuration;
        }

        /**
         * Calls let through to probe ESET.
         *
         * @return the probes, when set
         */
        public OptionalInt halfOpenProbes() {
            return halfOpenProbes;
        }
    }

    /** The client's own rate limit, below ESET's; unset values keep {@code RateLimitSettings.defaults()}. */
    public static final class RateLimit {

        private final OptionalInt callsPerPeriod;
        private final Optional<Duration> period;
        private final Optional<Duration> maxWait;

        /**
         * The rate limit as bound; a null value is unset.
         *
         * @param callsPerPeriod calls allowed per period
         * @param period the period
         * @param maxWait the longest a call waits for its turn before it fails
         */
        public RateLimit(Integer callsPerPeriod, Duration period, Duration maxWait) {
            this.callsPerPeriod = optional(callsPerPeriod);
            this.period = Optional.ofNullable(period);
            this.maxWait = Optional.ofNullable(maxWait);
        }

        /**
         * Calls allowed per period.
         *
         * @return the calls, when set
         */
        public OptionalInt callsPerPeriod() {
            return callsPerPeriod;
        }

        /**
         * The period.
         *
         * @return the period, when set
         */
        public Optional<Duration> period() {
            return period;
        }

        /**
         * The longest a call waits for its turn before it fails.
         *
         * @return the wait, when set
         */
        public Optional<Duration> maxWait() {
            return maxWait;
        }
    }

    /** The scheduled sync of every reseller of the directory. */
    public static final class Sync {

        private final boolean enabled;
        private final Duration interval;
        private final Duration maxAge;
        private final OptionalInt concurrency;

        /**
         * The sync as bound.
         *
         * @param enabled whether the starter syncs on a timer
         * @param interval the time between two rounds
         * @param maxAge how old a book may be before a round syncs it again
         * @param concurrency how many resellers this instance syncs at once (each within its own rate limit); null
         *     keeps the registry's default
         */
        public Sync(
                @DefaultValue("true") boolean enabled,
                @DefaultValue("15m") Duration interval,
                @DefaultValue("10m") Duration maxAge,
                Integer concurrency) {
            positive("eset.shop.sync.interval", interval);
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("eset.shop.sync.max-age must not be negative");
            }
            this.enabled = enabled;
            this.interval = interval;
            this.maxAge = maxAge;
            this.concurrency = optional(concurrency);
        }

        /**
         * Whether the starter syncs on a timer.
         *
         * @return true to sync on a timer
         */
        public boolean enabled() {
            return enabled;
        }

        /**
         * The time between two rounds.
         *
         * @return the interval
         */
        public Duration interval() {
            return interval;
        }

        /**
         * How old a book may be before a round syncs it again.
         *
         * @return the age
         */
        public Duration maxAge() {
            return maxAge;
        }

        /**
         * How many resellers this instance syncs at once ({@code EsetShops.Builder.syncConcurrency}).
         *
         * @return the concurrency, when set
         */
        public OptionalInt concurrency() {
            return concurrency;
        }
    }

    /** The scheduled reconcile of every reseller's pending orders and undelivered confirmations. */
    public static final class Reconcile {

        private final boolean enabled;
        private final Duration interval;
        private final Optional<Duration> claimLease;

        /**
         * The reconcile as bound.
         *
         * @param enabled whether the starter reconciles on a timer
         * @param interval the time between two rounds
         * @param claimLease how long an instance's claim on a journal entry holds: longer than a send with all its
         *     retries, so a live instance is never overtaken, and short enough that a killed one's orders move on
         *     soon; null keeps the shop's default
         */
        public Reconcile(
                @DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval, Duration claimLease) {
            positive("eset.shop.reconcile.interval", interval);
            this.enabled = enabled;
            this.interval = interval;
            this.claimLease = Optional.ofNullable(claimLease);
        }

        /**
         * Whether the starter reconciles on a timer.
         *
         * @return true to reconcile on a timer
         */
        public boolean enabled() {
            return enabled;
        }

        /**
         * The time between two rounds.
         *
         * @return the interval
         */
        public Duration interval() {
            return interval;
        }

        /**
         * How long an instance's claim on a journal entry holds ({@code EsetShops.Builder.claimLease}).
         *
         * @return the lease, when set
         */
        public Optional<Duration> claimLease() {
            return claimLease;
        }
    }

    /**
     * The scheduled renewal reminders of every reseller: each round delivers every reseller's due reminders once (per
     * license and window, whatever the number of instances) to the host's {@link RenewalRemindersHandler}; without
     * such a bean no round runs.
     */
    public static final class Reminders {

        private final boolean enabled;
        private final Duration interval;
        private final Optional<List<Integer>> windows;

        /**
         * The reminders as bound.
         *
         * @param enabled whether the starter delivers reminders on a timer
         * @param interval the time between two rounds
         * @param windows the reminder windows in days before expiry, each 1 to 3650; null keeps the SDK's default
         */
        public Reminders(
                @DefaultValue("true") boolean enabled, @DefaultValue("6h") Duration interval, List<Integer> windows) {
            positive("eset.shop.reminders.interval", interval);
            this.enabled = enabled;
            this.interval = interval;
            // the SDK's builder checks the windows (nulls included) when the starter applies them
            this.windows = Optional.ofNullable(windows).map(Collections::unmodifiableList);
        }

        /**
         * Whether the starter delivers reminders on a timer.
         *
         * @return true to deliver on a timer
         */
        public boolean enabled() {
            return enabled;
        }

        /**
         * The time between two rounds.
         *
         * @return the interval
         */
        public Duration interval() {
            return interval;
        }

        /**
         * The reminder windows in days before expiry ({@code EsetShops.Builder.reminderWindows}).
         *
         * @return the windows, when set
         */
        public Optional<List<Integer>> windows() {
            return windows;
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

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
