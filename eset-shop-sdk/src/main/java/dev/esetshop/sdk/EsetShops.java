package dev.esetshop.sdk;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.SharedEsetClients;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.UnknownResellerException;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.event.ShopListener;
import dev.esetshop.sdk.internal.FleetJobs;
import dev.esetshop.sdk.internal.FleetLeases;
import dev.esetshop.sdk.internal.PartnerApis;
import dev.esetshop.sdk.internal.ResellerStorage;
import dev.esetshop.sdk.internal.ShopRegistry;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.remind.RenewalReminder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Every reseller's shop of one marketplace instance: {@link #shop(ResellerId)} opens a reseller's {@link EsetShop} on
 * first use from the marketplace's {@link ResellerDirectory}, keeps it, and closes it with the registry. Thread-safe;
 * build one per instance of the marketplace's service and share it.
 *
 * <pre>{@code
 * EsetShops shops = EsetShops.builder()
 *         .directory(resellers)                  // the marketplace's: reseller id -> ESET credentials
 *         .catalog(Catalog.load(path))
 *         .baseUri(URI.create("https://partner-api.eset.example"))
 *         .build();
 * EsetShop shop = shops.shop(ResellerId.of("ACMP-100482"));
 * }</pre>
 */
public final class EsetShops implements AutoCloseable {

    /** How many resellers one instance syncs at once by default. */
    public static final int DEFAULT_SYNC_CONCURRENCY = 4;

    /**
     * How long an instance's claim on a reseller's sync holds by default; it is renewed after every page, so only an
     * instance that stopped loses it, and another takes the reseller over after this long.
     */
    public static final Duration DEFAULT_SYNC_LEASE = Duration.ofMinutes(2);

    /** How long connecting to ESET may take on the transport the registry opens. */
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final Catalog catalog;
    private final String instance;
    private final @Nullable Duration claimLease;
    private final @Nullable BiConsumer<ResellerId, List<RenewalReminder>> onRenewalsDue;
    private final List<Integer> reminderWindows;
    private final List<ConfirmationListener> confirmationListeners;
    private final Function<ResellerId, ShopListener> eventListeners;
    private final ResellerStorage storage;
    private final ShopRegistry registry;
    private final FleetJobs jobs;

    /** The builder's settings, with the two it requires checked by {@link Builder#build()}. */
    private EsetShops(Builder builder, ResellerDirectory directory, Catalog catalog) {
        this.clock = builder.clock;
        this.catalog = catalog;
        this.instance = builder.instance != null
                ? builder.instance
                : "instance-" + UUID.randomUUID().toString().substring(0, 8);
        this.claimLease = builder.claimLease;
        this.onRenewalsDue = builder.onRenewalsDue;
        this.reminderWindows = builder.reminderWindows;
        this.confirmationListeners = List.copyOf(builder.confirmationListeners);
        this.eventListeners = builder.eventListeners;
        DataSource books = builder.dataSource;
        this.storage = books == null
                ? ResellerStorage.inMemory()
                : ResellerStorage.inDatabase(
                        books, builder.journalDataSource != null ? builder.journalDataSource : books, builder.schema);
        this.registry = new ShopRegistry(directory, storage, partnerApis(builder), this::newShop);
        this.jobs = new FleetJobs(
                directory,
                storage,
                registry::shop,
                new FleetJobs.Settings(
                        instance,
                        clock,
                        builder.syncConcurrency,
                        builder.syncLease,
                        builder.onSynced,
                        builder.syncExecutor));
    }

    /**
     * A builder of the registry.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens what the registry shares, which building it does not: checks (and unless the host manages it, creates or
     * migrates) the database schema, and starts the HTTP client every reseller's ESET client shares. The first
     * {@link #shop}, {@link #syncAll} or {@link #reconcileAll} calls it; call it at start-up to fail early.
     *
     * @return this registry
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached or migrated
     * @throws IllegalStateException when the registry is closed
     */
    public EsetShops start() {
        registry.start();
        return this;
    }

    /**
     * The name this instance claims syncs and journal entries under, unique per instance ({@link Builder#instance}).
     *
     * @return the instance name
     */
    public String instance() {
        return instance;
    }

    /**
     * The shop of a reseller, opened on first use.
     *
     * @param reseller the marketplace's id of the reseller
     * @return its shop, the same instance for every call until the registry is closed
     * @throws UnknownResellerException when the directory does not know the reseller
     * @throws IllegalStateException when the registry is closed (also when it closed while the shop opened: the shop
     *     is then closed with the others)
     */
    public EsetShop shop(ResellerId reseller) {
        return registry.shop(reseller);
    }

    /**
     * Syncs every reseller of the directory whose book is older than {@code olderThan} (or was never synced, or whose
     * last sync stopped half-way), {@link Builder#syncConcurrency} resellers at once on {@link Builder#syncExecutor}.
     * Each reseller's sync is claimed through the storage first, so of several instances sharing the database one
     * syncs it; a reseller another instance holds, or that another instance synced in the meantime, counts as fresh.
     * A sync resumes from the reseller's cursor, wherever it stopped. A reseller whose sync fails (ESET refuses its
     * credentials, its data access is not granted, ESET is unavailable) is reported with the failure's code and
     * skipped: the round goes on.
     *
     * @param olderThan how old a book may be before it is synced again
     * @return what the round did on this instance
     * @throws IllegalStateException when the registry is closed
     */
    public FleetSyncReport syncAll(Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative, not " + olderThan);
        }
        return jobs.syncAll(olderThan, registry.leases());
    }

    /**
     * Settles the open orders of every reseller: with a database, each reseller whose journal has pending orders or
     * undelivered confirmations (those another instance left when it stopped among them), else each shop opened so
     * far. A reseller whose reconcile fails, whatever the failure (ESET, the database, the host's directory or vault
     * throwing anything), is reported in {@link FleetReconcileReport#failed()} with the failure's code and skipped:
     * the others are reconciled.
     *
     * @return what each reseller's reconcile did, and the failures
     * @throws IllegalStateException when the registry is closed
     */
    public FleetReconcileReport reconcileAll() {
        FleetLeases leases = registry.leases();
        return jobs.reconcileAll(storage.shared() ? leases.withOpenOrders() : registry.opened());
    }

    /**
     * What every reseller's order journal holds open now: with a database, read from it (one query over every
     * reseller, so every instance sharing it answers the same, whichever instance settled an order); in memory, over
     * the shops opened so far. For health checks and metrics.
     *
     * @return the pending orders (with the oldest one's journal time) and the undelivered confirmations
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached
     * @throws IllegalStateException when the registry is closed
     */
    public OpenOrders openOrders() {
        return registry.leases().openOrders();
    }

    /**
     * When each reseller's license book last completed a sync, read from the storage (with a database, one query over
     * every reseller, so the answer survives restarts and is the same on every instance); in memory, over the shops
     * opened so far. For metrics such as the age of the oldest book.
     *
     * @return the time of each book's last completed sync, for every reseller whose book ever completed one
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached
     * @throws IllegalStateException when the registry is closed
     */
    public Map<ResellerId, Instant> lastCompletedSyncs() {
        return Map.copyOf(registry.leases().lastCompletedSyncs());
    }

    /**
     * Closes every shop opened and the clients of their resellers, then the shared HTTP client's threads; later
     * calls to {@link #shop} and the rounds fail with an {@link IllegalStateException}. A shop opening while the
     * registry closes is closed with the others. The data source and the host's {@link Builder#syncExecutor} stay
     * the host's. Idempotent.
     */
    @Override
    public void close() {
        registry.close();
    }

    /** The host's factory of partner APIs, or every reseller's client on one shared transport. */
    private static Supplier<PartnerApis> partnerApis(Builder builder) {
        Function<ResellerAccount, EsetPartnerApi> hosts = builder.partnerApis;
        if (hosts != null) {
            return () -> new PartnerApis() {
                @Override
                public EsetPartnerApi open(ResellerAccount account) {
                    return hosts.apply(account);
                }

                @Override
                public void close() {}
            };
        }
        URI baseUri = Objects.requireNonNull(builder.baseUri, "baseUri");
        UnaryOperator<EsetPartnerClient.Builder> settings = builder.client;
        Clock clock = builder.clock;
        // one transport for every reseller's client: one HTTP client, executor and deadline watch
        return () -> {
            SharedEsetClients clients = SharedEsetClients.open(baseUri, DEFAULT_CONNECT_TIMEOUT, clock, settings);
            return new PartnerApis() {
                @Override
                public EsetPartnerApi open(ResellerAccount account) {
                    return clients.client(account.username(), account.password());
                }

                @Override
                public void close() {
                    clients.close();
                }
            };
        };
    }

    /** A reseller's shop: the registry's settings, the reseller's storage, listeners that name the reseller. */
    private EsetShop newShop(ResellerId reseller, ResellerAccount account, EsetPartnerApi api) {
        EsetShop.Builder builder = EsetShop.builder()
                .catalog(catalog)
                .partnerApi(api)
                .clock(clock)
                .locale(account.locale())
                .owner(instance + "/" + reseller.value())
                .licenseStore(storage.store(reseller))
                .orderJournal(storage.orderJournal(reseller))
                .reminderJournal(storage.reminderJournal(reseller))
                .reminderWindows(reminderWindows);
        // without the host's handler a shop has no reminder listener: its reminders are never delivered to nobody
        BiConsumer<ResellerId, List<RenewalReminder>> handler = onRenewalsDue;
        if (handler != null) {
            builder.addRenewalReminderListener(reminders -> handler.accept(reseller, reminders));
        }
        account.marketplaceCustomerNumber().ifPresent(builder::marketplaceCustomerNumber);
        if (claimLease != null) {
            builder.claimLease(claimLease);
        }
        // each event names its reseller, so a listener serving every reseller knows whose confirmation it is
        confirmationListeners.forEach(listener -> builder.addConfirmationListener(event -> listener.onOrderConfirmed(
                OrderConfirmed.builder().from(event).reseller(reseller).build())));
        builder.eventListener(
                Objects.requireNonNull(eventListeners.apply(reseller), "the event listener of reseller " + reseller));
        return builder.build();
    }

    /** Builds an {@link EsetShops}. */
    public static final class Builder {

        private @Nullable ResellerDirectory directory;
        private @Nullable Catalog catalog;
        private @Nullable URI baseUri;
        private Clock clock = Clock.systemDefaultZone();
        private UnaryOperator<EsetPartnerClient.Builder> client = UnaryOperator.identity();
        private @Nullable Function<ResellerAccount, EsetPartnerApi> partnerApis;
        private @Nullable DataSource dataSource;
        private @Nullable DataSource journalDataSource;
        private JdbcStorage.Schema schema = JdbcStorage.Schema.APPLIED_BY_SDK;
        private @Nullable String instance;
        private int syncConcurrency = DEFAULT_SYNC_CONCURRENCY;
        private @Nullable Executor syncExecutor;
        private Duration syncLease = DEFAULT_SYNC_LEASE;
        private @Nullable Duration claimLease;
        private BiConsumer<ResellerId, SyncReport> onSynced = (reseller, report) -> {};
        private @Nullable BiConsumer<ResellerId, List<RenewalReminder>> onRenewalsDue;
        private List<Integer> reminderWindows = EsetShop.DEFAULT_REMINDER_WINDOWS;
        private final List<ConfirmationListener> confirmationListeners = new ArrayList<>();
        private Function<ResellerId, ShopListener> eventListeners = reseller -> ShopListener.NONE;

        private Builder() {}

        /**
         * What every reseller's shop tells of its work (see {@link EsetShop.Builder#eventListener}): asked once per
         * reseller, when its shop opens, for the listener of that reseller's events (the same one for every reseller
         * when the reseller does not matter). Default: none. The resellers' ESET clients take their own listener, in
         * {@link #client} ({@code EsetPartnerClient.Builder.eventListener}).
         *
         * @param perReseller the listener of a reseller's shop, thread-safe (shops of several resellers call it at
         *     once)
         * @return this builder
         * @throws NullPointerException when the function is null
         */
        public Builder eventListeners(Function<ResellerId, ShopListener> perReseller) {
            this.eventListeners = Objects.requireNonNull(perReseller, "perReseller");
            return this;
        }

        /**
         * Adds a listener every reseller's shop tells of its confirmed orders (called in the order added, see
         * {@link EsetShop.Builder#addConfirmationListener}), each event naming its reseller
         * ({@link OrderConfirmed#reseller()}). Without any, confirmations are never marked delivered: they stay in the
         * journal, undelivered, until a registry with a listener reconciles them, and {@link EsetShops#openOrders()}
         * counts them.
         *
         * @param listener the listener, thread-safe (shops of several resellers call it at once)
         * @return this builder
         */
        public Builder addConfirmationListener(ConfirmationListener listener) {
            this.confirmationListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * How long a shop's claim on a journal entry holds (see {@link EsetShop.Builder#claimLease}); default the
         * shop's. An instance that stopped mid-order leaves the order to the others' reconcile after this long.
         *
         * @param lease a positive duration
         * @return this builder
         */
        public Builder claimLease(Duration lease) {
            if (Objects.requireNonNull(lease, "lease").isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("the claim lease must be positive");
            }
            this.claimLease = lease;
            return this;
        }

        /**
         * Told after each reseller this instance synced in {@link EsetShops#syncAll} (metrics, progress); it runs on
         * the sync's threads and must be thread-safe. Default: nothing.
         *
         * @param listener the reseller and its sync's report
         * @return this builder
         */
        public Builder onSynced(BiConsumer<ResellerId, SyncReport> listener) {
            this.onSynced = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Told with a reseller's renewal reminders each time its shop's {@link EsetShop#deliverReminders()} delivers
         * some (typically one {@code RenewalReminderEmail} to the reseller); a listener that throws makes the next
         * round deliver the same reminders again. Every reseller's reminders are recorded in its reminder journal
         * (in the data source when there is one). Without it, a shop's {@link EsetShop#deliverReminders()} refuses
         * the round: a reminder is never recorded delivered to nobody.
         *
         * @param listener the reseller and its due reminders
         * @return this builder
         * @throws NullPointerException when the listener is null
         */
        public Builder onRenewalsDue(BiConsumer<ResellerId, List<RenewalReminder>> listener) {
            this.onRenewalsDue = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Every reseller's reminder windows in days before expiry; default {@link EsetShop#DEFAULT_REMINDER_WINDOWS}.
         *
         * @param days the windows, as {@link EsetShop.Builder#reminderWindows(List)} takes them
         * @return this builder
         * @throws NullPointerException when the list or a window is null
         * @throws IllegalArgumentException when the list is empty, or a window is out of range or given twice
         */
        public Builder reminderWindows(List<Integer> days) {
            // checked now, by the shop builder's own rules, rather than when the first shop opens
            EsetShop.builder().reminderWindows(days);
            this.reminderWindows = List.copyOf(days);
            return this;
        }

        /**
         * The marketplace's resellers. Required.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder directory(ResellerDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The catalog every reseller's quotes are priced from. Required.
         *
         * @param catalog the catalog
         * @return this builder
         */
        public Builder catalog(Catalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * ESET's partner API base URI. Required unless {@link #partnerApis} is given.
         *
         * @param baseUri the base URI
         * @return this builder
         */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        /**
         * Settings every reseller's client shares (timeouts, retry, circuit breaker, rate limit), applied to a builder
         * that already has the base URI, the reseller's credentials and the clock.
         *
         * @param settings the settings to apply
         * @return this builder
         */
        public Builder client(UnaryOperator<EsetPartnerClient.Builder> settings) {
            this.client = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * How a reseller's partner API is made, instead of a client on {@link #baseUri} (tests, own adapters).
         *
         * @param factory the reseller's partner API from its account
         * @return this builder
         */
        public Builder partnerApis(Function<ResellerAccount, EsetPartnerApi> factory) {
            this.partnerApis = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The clock of every shop; default the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The database every reseller's book and journal live in, shared by every instance of the marketplace's
         * service (reseller-scoped tables, see {@link JdbcStorage}); default in memory, for one instance.
         *
         * @param dataSource the database
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * A pool of its own for the journals: every reseller's order journal and reminder journal, and the leases of
         * the instances' syncs, in the same database as {@link #dataSource} (the same tables), while the license books
         * stay on {@link #dataSource}. A busy or exhausted license pool (a long report, a fleet sync) then never keeps
         * an order from being journalled, and the journal's connections are never the ones a host's transactions
         * use. One connection is enough: the journals need one at a time, and the tables are created or upgraded
         * through {@link #dataSource} (which needs two at once for that) before the journals' pool is used. Default
         * {@link #dataSource}.
         *
         * @param journalDataSource the journals' pool, not bound to the host's transactions
         * @return this builder
         */
        public Builder journalDataSource(DataSource journalDataSource) {
            this.journalDataSource = Objects.requireNonNull(journalDataSource, "journalDataSource");
            return this;
        }

        /**
         * Who creates and migrates the tables; default the SDK, on {@link EsetShops#start()}.
         *
         * @param schema {@link JdbcStorage.Schema#MANAGED_BY_HOST} when the host's Flyway applies the SDK's scripts
         * @return this builder
         */
        public Builder schema(JdbcStorage.Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * The name of this instance among those sharing the database, e.g. its host name and process id; default a
         * random one. Syncs and journal entries are claimed under it.
         *
         * @param name the instance name
         * @return this builder
         */
        public Builder instance(String name) {
            if (Objects.requireNonNull(name, "name").isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("an instance name has 1 to 200 characters");
            }
            this.instance = name;
            return this;
        }

        /**
         * How many resellers this instance syncs at once in {@link EsetShops#syncAll}; default
         * {@value EsetShops#DEFAULT_SYNC_CONCURRENCY}. Each reseller's own rate limit applies within.
         *
         * @param resellers at least one
         * @return this builder
         */
        public Builder syncConcurrency(int resellers) {
            if (resellers < 1) {
                throw new IllegalArgumentException("syncConcurrency must be at least 1, not " + resellers);
            }
            this.syncConcurrency = resellers;
            return this;
        }

        /**
         * Where {@link EsetShops#syncAll} runs its resellers' syncs ({@link #syncConcurrency} tasks at once, each
         * syncing one reseller after the other until none is left), such as the host's managed executor; the
         * registry never shuts it down. Default: a pool of {@link #syncConcurrency} daemon threads of each round's
         * own, ended with the round. A reseller whose sync never ran because the executor refused every task is
         * reported failed with {@link ResellerFailure#NOT_RUN}. {@code syncAll} waits for the tasks it gave the
         * executor, so it must not itself run on a bounded executor it gives its syncs to (a round called from the
         * last free thread of that pool would wait for tasks queued behind itself).
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder syncExecutor(Executor executor) {
            this.syncExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * How long a claim on a reseller's sync holds without renewal (it is renewed after every page); default
         * {@link EsetShops#DEFAULT_SYNC_LEASE}. An instance that stopped leaves its resellers to others after this.
         *
         * @param lease a positive duration
         * @return this builder
         */
        public Builder syncLease(Duration lease) {
            if (Objects.requireNonNull(lease, "lease").isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("the sync lease must be positive");
            }
            this.syncLease = lease;
            return this;
        }

        /**
         * The registry; no shop is opened, nothing is read and no thread is started yet (see {@link EsetShops#start()}).
         *
         * @return the registry
         * @throws IllegalStateException when the directory, the catalog or the base URI is missing, or the journals
         *     have a data source of their own while the license books have none
         */
        public EsetShops build() {
            if (directory == null || catalog == null) {
                throw new IllegalStateException("EsetShops needs a directory and a catalog");
            }
            if (journalDataSource != null && dataSource == null) {
                throw new IllegalStateException("EsetShops was given a journal data source without a data source:"
                        + " call dataSource(DataSource) for the license books too (the same database), or drop"
                        + " journalDataSource(DataSource) to keep everything in memory");
            }
            if (baseUri == null && partnerApis == null) {
                throw new IllegalStateException("EsetShops needs ESET's base URI: call baseUri(URI) first");
            }
            return new EsetShops(this, directory, catalog);
        }
    }
}
