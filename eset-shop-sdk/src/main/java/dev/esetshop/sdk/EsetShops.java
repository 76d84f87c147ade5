package dev.esetshop.sdk;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.core.error.UnknownResellerException;
import dev.esetshop.pricing.catalog.Catalog;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(EsetShops.class);

    private final ResellerDirectory directory;
    private final Catalog catalog;
    private final Function<ResellerAccount, EsetPartnerApi> partnerApis;
    private final Clock clock;
    private final Map<ResellerId, EsetShop> shops = new ConcurrentHashMap<>();
    private final Map<ResellerId, EsetPartnerApi> apis = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private EsetShops(Builder builder) {
        this.directory = builder.directory;
        this.catalog = builder.catalog;
        this.clock = builder.clock;
        this.partnerApis = builder.partnerApis != null ? builder.partnerApis : account -> builder.client
                .apply(EsetPartnerClient.builder().baseUri(builder.baseUri)
                        .credentials(account.username(), account.password()).clock(builder.clock))
                .build();
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
     * The shop of a reseller, opened on first use.
     *
     * @param reseller the marketplace's id of the reseller
     * @return its shop, the same instance for every call until the registry is closed
     * @throws UnknownResellerException when the directory does not know the reseller
     * @throws IllegalStateException when the registry is closed
     */
    public EsetShop shop(ResellerId reseller) {
        Objects.requireNonNull(reseller, "reseller");
        if (closed) {
            throw new IllegalStateException("the registry of shops is closed");
        }
        return shops.computeIfAbsent(reseller, this::open);
    }

    /**
     * Syncs every reseller of the directory whose book is older than {@code olderThan}; a reseller whose sync fails is
     * reported and skipped, the round goes on.
     *
     * @param olderThan how old a book may be before it is synced again
     * @return what the round did
     */
    public FleetSyncReport syncAll(Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        Instant start = clock.instant();
        int resellers = 0;
        int synced = 0;
        long licenses = 0;
        Map<ResellerId, String> failed = new HashMap<>();
        for (ResellerId reseller : directory.resellers()) {
            resellers++;
            try {
                SyncReport report = shop(reseller).sync();
                synced++;
                licenses += report.added() + report.changed() + report.unchanged();
            } catch (EsetShopException e) {
                LOG.warn("sync of reseller {} failed: {} {}", reseller, e.code(), e.getMessage());
                failed.put(reseller, e.code() + ": " + e.getMessage());
            }
        }
        return new FleetSyncReport(resellers, synced, 0, failed, licenses, Duration.between(start, clock.instant()));
    }

    /** Closes every shop opened and the clients of their resellers; later calls to {@link #shop} fail. */
    @Override
    public void close() {
        closed = true;
        shops.values().forEach(EsetShop::close);
        apis.values().forEach(api -> {
            try {
                api.close();
            } catch (Exception e) {
                LOG.warn("closing a reseller's ESET client failed: {}", e.toString());
            }
        });
        shops.clear();
        apis.clear();
    }

    private EsetShop open(ResellerId reseller) {
        ResellerAccount account = directory.account(reseller)
                .orElseThrow(() -> new UnknownResellerException(reseller.value()));
        EsetPartnerApi api = partnerApis.apply(account);
        apis.put(reseller, api);
        EsetShop.Builder builder = EsetShop.builder()
                .catalog(catalog)
                .partnerApi(api)
                .clock(clock)
                .locale(account.locale());
        account.marketplaceCustomerNumber().ifPresent(builder::marketplaceCustomerNumber);
        return builder.build();
    }

    /** Builds an {@link EsetShops}. */
    public static final class Builder {

        private ResellerDirectory directory;
        private Catalog catalog;
        private URI baseUri;
        private Clock clock = Clock.systemDefaultZone();
        private UnaryOperator<EsetPartnerClient.Builder> client = UnaryOperator.identity();
        private Function<ResellerAccount, EsetPartnerApi> partnerApis;
        private DataSource dataSource;

        private Builder() {}

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
         * The database every reseller's book and journal live in; default in memory.
         *
         * @param dataSource the database
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * The registry; no shop is opened and nothing is read yet.
         *
         * @return the registry
         * @throws IllegalStateException when the directory, the catalog or the base URI is missing
         */
        public EsetShops build() {
            if (directory == null || catalog == null) {
                throw new IllegalStateException("EsetShops needs a directory and a catalog");
            }
            if (baseUri == null && partnerApis == null) {
                throw new IllegalStateException("EsetShops needs ESET's base URI: call baseUri(URI) first");
            }
            if (dataSource != null) {
                throw new UnsupportedOperationException(
                        "reseller-scoped JDBC storage is not there yet: leave dataSource unset (in memory)");
            }
            return new EsetShops(this);
        }
    }

    Optional<EsetShop> opened(ResellerId reseller) {
        return Optional.ofNullable(shops.get(reseller));
    }
}
