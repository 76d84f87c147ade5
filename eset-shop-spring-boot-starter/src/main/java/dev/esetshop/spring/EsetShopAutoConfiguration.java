package dev.esetshop.spring;

import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.spring.internal.EsetShopHealthIndicator;
import dev.esetshop.spring.internal.SharedTransportPartnerApis;
import dev.esetshop.spring.internal.ShopScheduler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Makes the SDK a few lines of configuration: given the host's {@link ResellerDirectory} bean, it defines the
 * registry of every reseller's shop ({@link EsetShops}) on the catalog of {@code eset.shop.catalog-location}, ESET
 * clients with the shared {@link EsetClientSettings}, the {@link EsetShopMonitor} metrics, the scheduled sync and
 * reconcile, and (with Spring Boot's health module) the {@code esetShop} health indicator. Every bean backs off
 * when the host defines its own of the same type; {@code eset.shop.enabled=false} switches the whole starter off.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "eset.shop.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EsetShopProperties.class)
public class EsetShopAutoConfiguration {

    /** The starter's auto-configuration; Spring Boot makes it. */
    public EsetShopAutoConfiguration() {}

    /**
     * The catalog of {@code eset.shop.catalog-location}, or the SDK's sample catalog.
     *
     * @param properties the settings
     * @param resources resolves the location
     * @return the catalog
     */
    @Bean
    @ConditionalOnMissingBean
    public Catalog esetShopCatalog(EsetShopProperties properties, ResourceLoader resources) {
        return properties.catalogLocation().map(location -> load(resources.getResource(location), location))
                .orElseGet(Catalog::sample);
    }

    /**
     * The metrics (a {@code MeterBinder}, bound by Spring Boot to the host's meter registry), the observations (on the
     * host's {@link ObservationRegistry}, if any) and the open breakers the health indicator reads, all from the typed
     * events of the clients and shops the starter builds.
     *
     * @param properties {@code eset.shop.metrics.reseller-tag}
     * @param shops the registry whose shared journal and books the gauges read
     * @param observations the host's observation registry, if any
     * @param clock the host's clock, if any
     * @return the monitor
     */
    @Bean
    @ConditionalOnMissingBean
    public EsetShopMonitor esetShopMonitor(EsetShopProperties properties, ObjectProvider<EsetShops> shops,
            ObjectProvider<ObservationRegistry> observations, ObjectProvider<Clock> clock) {
        // the gauges ask for the registry when read, not now: the registry itself is built with this monitor's listeners
        return new EsetShopMonitor(() -> Optional.ofNullable(shops.getIfUnique()),
                observations.getIfUnique(() -> ObservationRegistry.NOOP), clock.getIfAvailable(Clock::systemUTC),
                properties.metrics().resellerTag());
    }

    /**
     * The settings every reseller's client shares.
     *
     * @param properties the settings
     * @param monitor receives the clients' events
     * @return the settings
     */
    @Bean
    @ConditionalOnMissingBean
    public EsetClientSettings esetClientSettings(EsetShopProperties properties, EsetShopMonitor monitor) {
        return new EsetClientSettings(properties, monitor.clientListener());
    }

    /**
     * A reseller's ESET client on {@code eset.shop.base-url}; every reseller's client shares one transport (HTTP
     * client, executor, deadline watch), closed with the context.
     *
     * @param properties the settings
     * @param settings the shared client settings
     * @param clock the host's clock, if any
     * @return the factory
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ResellerDirectory.class)
    public EsetPartnerApiFactory esetPartnerApiFactory(EsetShopProperties properties, EsetClientSettings settings,
            ObjectProvider<Clock> clock) {
        var baseUri = properties.baseUrl().orElseThrow(() -> new IllegalStateException(
                "eset.shop.base-url is not set: give ESET's partner API URL, or define an EsetPartnerApiFactory bean"));
        // one transport for every reseller: the threads stay those of one client, however many resellers there are
        return new SharedTransportPartnerApis(baseUri, properties.client().connectTimeout(), settings,
                clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Every reseller's shop, on the host's directory.
     *
     * @param directory the host's resellers
     * @param catalog the catalog
     * @param apis makes each reseller's partner API
     * @param monitor measures and observes every reseller's orders, syncs, reconciles and deliveries
     * @param properties the claim lease, sync concurrency and schema settings
     * @param dataSource the host's database, if any
     * @param journalDataSource the host's pool for the journals ({@link EsetShopJournalDataSource}), if any
     * @param clock the host's clock, if any
     * @param reminders the host's handler of renewal reminders, if any
     * @param listeners the host's confirmation listeners, in their order; without any, confirmations stay
     *     undelivered in the journal (and the health and metrics count them)
     * @return the registry, started (its schema applied or checked) and closed with the context
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ResellerDirectory.class)
    @DependsOnDatabaseInitialization
    public EsetShops esetShops(ResellerDirectory directory, Catalog catalog, EsetPartnerApiFactory apis,
            EsetShopMonitor monitor, EsetShopProperties properties, ObjectProvider<DataSource> dataSource,
            @EsetShopJournalDataSource ObjectProvider<DataSource> journalDataSource, ObjectProvider<Clock> clock, ObjectProvider<RenewalRemindersHandler> reminders,
            ObjectProvider<ConfirmationListener> listeners) {
        EsetShops.Builder builder = EsetShops.builder()
                .directory(directory)
                .catalog(catalog)
                .clock(clock.getIfAvailable(Clock::systemUTC))
                .claimLease(properties.reconcile().claimLease())
                .syncConcurrency(properties.sync().concurrency())
                .reminderWindows(properties.reminders().windows())
                .partnerApis(apis::create)
                .eventListeners(monitor::shopListener);
        reminders.ifUnique(handler -> builder.onRenewalsDue(handler::onRenewalsDue));
        listeners.orderedStream().forEach(builder::addConfirmationListener);
        // started now, so the schema is applied (or checked) at application start, not on the first request
        journalDataSource.ifUnique(builder::journalDataSource);
        return withStorage(builder, dataSource.getIfUnique(), properties.storage()).start();
    }

    /**
     * The scheduled sync, reconcile and renewal reminders.
     *
     * @param shops the registry
     * @param directory the host's resellers
     * @param properties the intervals and switches
     * @param reminders the host's handler of renewal reminders: without one, no reminder round runs
     * @return the scheduler, started and stopped with the context
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(EsetShops.class)
    public ShopScheduler esetShopScheduler(EsetShops shops, ResellerDirectory directory,
            EsetShopProperties properties, ObjectProvider<RenewalRemindersHandler> reminders) {
        return new ShopScheduler(shops, directory, properties, reminders.getIfUnique() != null);
    }

    /** The health indicator, with Spring Boot's health module on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "esetShopHealthIndicator")
        EsetShopHealthIndicator esetShopHealthIndicator(ObjectProvider<EsetShops> shops, EsetShopMonitor monitor,
                EsetShopProperties properties, ObjectProvider<Clock> clock) {
            return new EsetShopHealthIndicator(Optional.ofNullable(shops.getIfUnique()), monitor,
                    properties.health().pendingOrderAge(), clock.getIfAvailable(Clock::systemUTC));
        }
    }

    /**
     * The one place where the host's DataSource reaches the SDK: with one, every reseller's book and journal live in
     * it (Flyway scripts applied by the SDK unless {@code eset.shop.storage.schema-managed-by-host}); without, in
     * memory.
     */
    static EsetShops withStorage(EsetShops.Builder builder, DataSource dataSource,
            EsetShopProperties.Storage storage) {
        if (dataSource != null) {
            // every reseller's book and journal in the host's database, keyed by reseller
            builder.dataSource(dataSource).schema(storage.schemaManagedByHost()
                    ? JdbcStorage.Schema.MANAGED_BY_HOST : JdbcStorage.Schema.APPLIED_BY_SDK);
        }
        return builder.build();
    }

    private static Catalog load(Resource resource, String location) {
        try (InputStream in = resource.getInputStream()) {
            return Catalog.load(in, location);
        } catch (IOException e) {
            throw new IllegalStateException("eset.shop.catalog-location: cannot read the catalog at " + location
                    + " (" + e.getMessage() + "); give a readable location such as classpath:catalog.json", e);
        }
    }
}
