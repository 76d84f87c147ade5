package dev.esetshop.spring;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.spring.internal.EsetShopHealthIndicator;
import dev.esetshop.spring.internal.PropertiesOntoBuilders;
import dev.esetshop.spring.internal.SharedTransportPartnerApis;
import dev.esetshop.spring.internal.ShopScheduler;
import dev.esetshop.spring.internal.StartupSummary;
import dev.esetshop.spring.internal.UnknownProperties;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Makes the SDK a few lines of configuration: given the host's {@link ResellerDirectory} bean, it defines the
 * registry of every reseller's shop ({@link EsetShops}) on the catalog of {@code eset.shop.catalog-location}, ESET
 * clients with the {@code eset.shop.*} properties and the host's
 * {@link EsetPartnerClientCustomizer} beans, the {@link EsetShopMonitor} metrics, the scheduled sync and
 * reconcile, and (with Spring Boot's health module) the {@code esetShop} health indicator. Every bean backs off
 * when the host defines its own of the same type; {@code eset.shop.enabled=false} switches the whole starter off.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnBooleanProperty(name = "eset.shop.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EsetShopProperties.class)
public class EsetShopAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EsetShopAutoConfiguration.class);

    /**
     * The starter's auto-configuration; Spring Boot makes it. An {@code eset.shop.*} key the starter does not know
     * fails the start, naming it and the known keys close to it.
     *
     * @param environment the application's environment, checked for unknown {@code eset.shop.*} keys
     */
    public EsetShopAutoConfiguration(Environment environment) {
        UnknownProperties.check(environment, EsetShopAutoConfiguration.class.getClassLoader());
    }

    /**
     * The Jackson 3 module that renders the SDK's values as JSON with secrets masked; Spring Boot's Jackson
     * auto-configuration registers every bean of this kind with its {@code JsonMapper}.
     *
     * @return the module
     */
    @Bean
    @ConditionalOnMissingBean
    public EsetShopJacksonModule esetShopJacksonModule() {
        return new EsetShopJacksonModule();
    }

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
        return properties
                .catalogLocation()
                .map(location -> load(resources.getResource(location), location))
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
    public EsetShopMonitor esetShopMonitor(
            EsetShopProperties properties,
            ObjectProvider<EsetShops> shops,
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<Clock> clock) {
        // the gauges ask for the registry when read, not now: the registry itself is built with this monitor's
        // listeners
        return new EsetShopMonitor(
                () -> Optional.ofNullable(shops.getIfUnique()),
                observations.getIfUnique(() -> ObservationRegistry.NOOP),
                clock.getIfAvailable(Clock::systemUTC),
                properties.metrics().resellerTag());
    }

    /**
     * The starter's client customizer: the {@code eset.shop.*} client properties that are set, and the monitor's
     * listener of resilience events, applied at {@link EsetPartnerClientCustomizer#PROPERTIES_ORDER}. Checked now: a
     * value the client's builders refuse fails the start naming the property.
     *
     * @param properties the settings
     * @param monitor receives the clients' events
     * @return the customizer
     */
    @Bean
    @ConditionalOnMissingBean(name = "esetShopPropertiesClientCustomizer")
    public EsetPartnerClientCustomizer esetShopPropertiesClientCustomizer(
            EsetShopProperties properties, EsetShopMonitor monitor) {
        return PropertiesOntoBuilders.client(properties, monitor.clientListener());
    }

    /**
     * A reseller's ESET client on {@code eset.shop.base-url}, with every {@link EsetPartnerClientCustomizer} bean
     * applied in its order (the properties' first); every reseller's client shares one transport (HTTP client,
     * executor, deadline watch), closed with the context. One client is built now, so a value the client refuses
     * fails the start rather than the first call.
     *
     * @param properties the settings
     * @param customizers the client customizers, in their order
     * @param clock the host's clock, if any
     * @return the factory
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ResellerDirectory.class)
    public EsetPartnerApiFactory esetPartnerApiFactory(
            EsetShopProperties properties,
            ObjectProvider<EsetPartnerClientCustomizer> customizers,
            ObjectProvider<Clock> clock) {
        var baseUri = properties
                .baseUrl()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "eset.shop.base-url is not set: give ESET's partner API URL, or define an EsetPartnerApiFactory bean"));
        PropertiesOntoBuilders.checkBaseUrl(baseUri);
        List<EsetPartnerClientCustomizer> ordered = customizers.orderedStream().toList();
        UnaryOperator<EsetPartnerClient.Builder> settings = builder -> {
            ordered.forEach(customizer -> customizer.customize(builder));
            return builder;
        };
        // one transport for every reseller: the threads stay those of one client, however many resellers there are
        SharedTransportPartnerApis apis = new SharedTransportPartnerApis(
                baseUri,
                PropertiesOntoBuilders.connectTimeout(properties),
                settings,
                clock.getIfAvailable(Clock::systemUTC));
        apis.check();
        return apis;
    }

    /**
     * Every reseller's shop, on the host's directory.
     *
     * @param directory the host's resellers
     * @param catalog the catalog
     * @param apis makes each reseller's partner API
     * @param monitor measures and observes every reseller's orders, syncs, reconciles and deliveries
     * @param properties the instance id, claim lease, sync concurrency, reminder windows and schema settings
     * @param dataSource the host's database, if any
     * @param journalDataSource the host's pool for the journals ({@link EsetShopJournalDataSource}), if any
     * @param clock the host's clock, if any
     * @param reminders the host's handler of renewal reminders, if any
     * @param listeners the host's confirmation listeners, in their order; without any, confirmations stay
     *     undelivered in the journal (and the health and metrics count them)
     * @param customizers the host's registry customizers, applied in their order after the properties
     * @return the registry, started (its schema applied or checked) and closed with the context
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ResellerDirectory.class)
    @DependsOnDatabaseInitialization
    public EsetShops esetShops(
            ResellerDirectory directory,
            Catalog catalog,
            EsetPartnerApiFactory apis,
            EsetShopMonitor monitor,
            EsetShopProperties properties,
            ObjectProvider<DataSource> dataSource,
            @EsetShopJournalDataSource ObjectProvider<DataSource> journalDataSource,
            ObjectProvider<Clock> clock,
            ObjectProvider<RenewalRemindersHandler> reminders,
            ObjectProvider<ConfirmationListener> listeners,
            ObjectProvider<EsetShopsCustomizer> customizers) {
        EsetShops.Builder builder = EsetShops.builder()
                .directory(directory)
                .catalog(catalog)
                .clock(clock.getIfAvailable(Clock::systemUTC))
                .partnerApis(apis::create)
                .eventListeners(monitor::shopListener);
        PropertiesOntoBuilders.registry(builder, properties);
        reminders.ifUnique(handler -> builder.onRenewalsDue(handler::onRenewalsDue));
        listeners.orderedStream().forEach(builder::addConfirmationListener);
        DataSource database = dataSource.getIfUnique();
        if (database != null) {
            // every reseller's book and journal in the host's database, keyed by reseller
            builder.dataSource(database)
                    .schema(
                            properties.storage().schemaManagedByHost()
                                    ? JdbcStorage.Schema.MANAGED_BY_HOST
                                    : JdbcStorage.Schema.APPLIED_BY_SDK);
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        // started now, so the schema is applied (or checked) at application start, not on the first request
        journalDataSource.ifUnique(builder::journalDataSource);
        EsetShops shops = builder.build().start();
        LOG.info(
                "{}",
                StartupSummary.of(
                        properties, directory, database != null, reminders.getIfUnique() != null, shops.instance()));
        return shops;
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
    public EsetShopScheduler esetShopScheduler(
            EsetShops shops,
            ResellerDirectory directory,
            EsetShopProperties properties,
            ObjectProvider<RenewalRemindersHandler> reminders) {
        return new ShopScheduler(shops, directory, properties, reminders.getIfUnique() != null);
    }

    /** The health indicator, with Spring Boot's health module on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "esetShopHealthIndicator")
        HealthIndicator esetShopHealthIndicator(
                ObjectProvider<EsetShops> shops,
                EsetShopMonitor monitor,
                EsetShopProperties properties,
                ObjectProvider<Clock> clock) {
            return new EsetShopHealthIndicator(
                    Optional.ofNullable(shops.getIfUnique()),
                    monitor,
                    properties.health().pendingOrderAge(),
                    clock.getIfAvailable(Clock::systemUTC));
        }
    }

    private static Catalog load(Resource resource, String location) {
        try (InputStream in = resource.getInputStream()) {
            return Catalog.load(in, location);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "eset.shop.catalog-location: cannot read the catalog at " + location + " (" + e.getMessage()
                            + "); give a readable location such as classpath:catalog.json",
                    e);
        }
    }
}
