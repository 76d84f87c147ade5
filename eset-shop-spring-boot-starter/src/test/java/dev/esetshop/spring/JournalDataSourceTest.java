package dev.esetshop.spring;

import static dev.esetshop.spring.StarterFixtures.orderWhileEsetIsDown;
import static dev.esetshop.spring.StarterFixtures.reseller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Issue 17 §3.7 in the starter: a host's {@code DataSource} bean marked {@link EsetShopJournalDataSource} holds the
 * registry's journals, while the license books stay on the primary one.
 */
class JournalDataSourceTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private EsetSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = EsetSandbox.builder().seed(7).licenses(12).clock(clock).start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** A host with two pools on one database: the books' (primary) and the journals' (marked). */
    @Configuration(proxyBeanMethods = false)
    static class TwoPools {
        static final String URL = "jdbc:h2:mem:starter-two-pools-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        @Bean
        @Primary
        CountingDataSource books() {
            return new CountingDataSource(StarterFixtures.database(URL.substring("jdbc:h2:mem:".length())));
        }

        @Bean
        @EsetShopJournalDataSource
        CountingDataSource journals() {
            return new CountingDataSource(StarterFixtures.database(URL.substring("jdbc:h2:mem:".length())));
        }
    }

    @Test
    void theMarkedDataSourceHoldsTheJournalsAndThePrimaryOneTheBooks() {
        ResellerDirectory directory = StarterFixtures.directory(sandbox, 1);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EsetShopAutoConfiguration.class))
                .withUserConfiguration(TwoPools.class)
                .withBean(ResellerDirectory.class, () -> directory)
                .withBean(Clock.class, () -> clock)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.retry.max-attempts=1",
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EsetShops.class);
                    CountingDataSource books = context.getBean("books", CountingDataSource.class);
                    CountingDataSource journals = context.getBean("journals", CountingDataSource.class);
                    EsetShops shops = context.getBean(EsetShops.class);
                    int booksBeforeSync = books.connections.get();
                    shops.shop(reseller(0)).sync();
                    assertThat(books.connections.get())
                            .as("the sync stores the book on the primary pool")
                            .isGreaterThan(booksBeforeSync);
                    int journalsBefore = journals.connections.get();

                    OrderResult.Pending pending = orderWhileEsetIsDown(shops.shop(reseller(0)), sandbox, clock);

                    assertThat(journals.connections.get())
                            .as("the journal's writes on its own pool")
                            .isGreaterThan(journalsBefore);
                    assertThat(JdbcOrderJournal.create(journals, reseller(0))
                                    .find(pending.idempotencyKey())
                                    .orElseThrow()
                                    .state())
                            .isEqualTo(JournalEntry.State.PENDING);
                    assertThat(shops.openOrders().pending()).isOne();
                });
    }

    /** A data source that counts the connections it gave. */
    static final class CountingDataSource implements DataSource {
        final AtomicInteger connections = new AtomicInteger();
        private final DataSource inner;

        CountingDataSource(DataSource inner) {
            this.inner = inner;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            return inner.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            connections.incrementAndGet();
            return inner.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return inner.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            inner.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            inner.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return inner.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return inner.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return inner.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return inner.isWrapperFor(iface);
        }
    }
}
