package dev.esetshop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.ResellerId;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.testkit.EsetSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the starter's tests share: a directory on the sandbox's partner, an order left pending by ESET. */
final class StarterFixtures {

    private StarterFixtures() {}

    /** {@code count} resellers {@code r-0}, {@code r-1}, ... all on the sandbox's first partner. */
    static ResellerDirectory directory(EsetSandbox sandbox, int count) {
        Map<ResellerId, ResellerAccount> accounts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            accounts.put(reseller(i), ResellerAccount.of(sandbox.username(), sandbox.password()));
        }
        return new ResellerDirectory() {
            @Override
            public Optional<ResellerAccount> account(ResellerId reseller) {
                return Optional.ofNullable(accounts.get(reseller));
            }

            @Override
            public Iterable<ResellerId> resellers() {
                return accounts.keySet();
            }
        };
    }

    /**
     * An instance of a host on a shared database: the starter over one sandbox reseller, the test's clock, no retry
     * and no timers (the test runs sync and reconcile itself).
     */
    static ApplicationContextRunner instance(EsetSandbox sandbox, DataSource database, Clock clock) {
        return instance(sandbox, database, clock, 1);
    }

    /** {@link #instance(EsetSandbox, DataSource, Clock)} with {@code resellers} resellers on the sandbox's partner. */
    static ApplicationContextRunner instance(EsetSandbox sandbox, DataSource database, Clock clock, int resellers) {
        ResellerDirectory directory = directory(sandbox, resellers);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EsetShopAutoConfiguration.class))
                .withBean(ResellerDirectory.class, () -> directory)
                .withBean(DataSource.class, () -> database)
                .withBean(Clock.class, () -> clock)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.retry.max-attempts=1",
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false");
    }

    /**
     * A host with Actuator's metrics: a meter registry, and Spring Boot's post-processor that binds every
     * {@code MeterBinder} bean (the starter's monitor) to it.
     */
    static ApplicationContextRunner withMetrics(ApplicationContextRunner host) {
        return host.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new);
    }

    static ResellerId reseller(int index) {
        return ResellerId.of("r-" + index);
    }

    /** A fresh in-memory H2 database, kept until the JVM ends. */
    static DataSource database(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** Orders six EAVB seats while ESET is in maintenance: the order is journaled and left pending. */
    static OrderResult.Pending orderWhileEsetIsDown(EsetShop shop, EsetSandbox sandbox, Clock clock) {
        shop.status();
        QuoteResult quoted = shop.quote(
                NewLicenseRequest.builder().product("EAVB").seats(6).years(1).build());
        assertThat(quoted.isAccepted()).as(quoted.toString()).isTrue();
        sandbox.setMaintenance(true);
        try {
            OrderResult result = shop.order(
                    ((QuoteResult.Accepted) quoted).quote(),
                    EulaAcceptance.of("2025-01", "reseller-user", clock.instant()),
                    EndCustomer.builder()
                            .organization("Muster GmbH")
                            .firstName("Anna")
                            .lastName("Muster")
                            .email("anna@muster.example")
                            .build());
            assertThat(result).as(result.toString()).isInstanceOf(OrderResult.Pending.class);
            return (OrderResult.Pending) result;
        } finally {
            sandbox.setMaintenance(false);
        }
    }

    /** The journal row's delivery time, read from the database as it is: null while undelivered. */
    static Optional<Object> deliveredAt(DataSource database, String key) throws SQLException {
        try (var connection = database.getConnection();
                var select = connection.prepareStatement(
                        "SELECT state, delivered_at FROM eset_order_journal WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).as("journal entry " + key).isTrue();
                assertThat(rows.getString("state")).isEqualTo("CONFIRMED");
                return Optional.ofNullable(rows.getObject("delivered_at"));
            }
        }
    }

    static String causes(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
