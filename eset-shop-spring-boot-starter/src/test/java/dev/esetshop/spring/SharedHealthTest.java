package dev.esetshop.spring;

import static dev.esetshop.spring.StarterFixtures.orderWhileEsetIsDown;
import static dev.esetshop.spring.StarterFixtures.reseller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.BreakerTransition;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.spring.internal.ShopScheduler;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.TestClock;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue 18 §4: the health is read from the journal every instance shares, so every instance agrees on it; one
 * reseller's open circuit breaker is a detail, not DOWN.
 */
class SharedHealthTest {

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

    private ApplicationContextRunner instance(DataSource database) {
        return StarterFixtures.instance(sandbox, database, clock)
                .withBean(ConfirmationListener.class, () -> event -> {})
                .withPropertyValues("eset.shop.health.pending-order-age=10m");
    }

    @Test
    void anOrderPendingOnInstanceAAndSettledByInstanceBLeavesAUp() {
        DataSource database = StarterFixtures.database("health-two-instances");
        instance(database)
                .run(a -> instance(database).run(b -> {
                    HealthIndicator healthOfA = a.getBean(HealthIndicator.class);
                    HealthIndicator healthOfB = b.getBean(HealthIndicator.class);
                    orderWhileEsetIsDown(a.getBean(EsetShops.class).shop(reseller(0)), sandbox, clock);
                    assertThat(healthOfA.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(healthOfA.health().getDetails()).containsEntry("pendingOrders", 1);

                    clock.advance(Duration.ofMinutes(11));
                    Health down = healthOfA.health();
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails().get("reason").toString()).contains("pending longer than PT10M");
                    assertThat(healthOfB.health().getStatus())
                            .as("B reads the same journal")
                            .isEqualTo(Status.DOWN);

                    // instance B's scheduled reconcile settles the order A left pending: both read UP at once
                    b.getBean(ShopScheduler.class).reconcileAll();
                    assertThat(sandbox.ordersApplied()).isEqualTo(1);
                    Health up = healthOfA.health();
                    assertThat(up.getStatus()).isEqualTo(Status.UP);
                    assertThat(up.getDetails())
                            .containsEntry("pendingOrders", 0)
                            .containsEntry("undeliveredConfirmations", 0);
                    assertThat(healthOfB.health().getStatus()).isEqualTo(Status.UP);
                }));
    }

    @Test
    void anOpenCircuitBreakerIsCountedButTheInstanceStaysUp() {
        instance(StarterFixtures.database("health-breaker")).run(context -> {
            EsetShopMonitor monitor = context.getBean(EsetShopMonitor.class);
            monitor.clientListener().onCircuitStateChange(new BreakerTransition("CLOSED", "OPEN"));
            Health health = context.getBean(HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("openCircuitBreakers", 1);
        });
    }

    @Test
    void anUnreachableDatabaseIsDown() {
        Unreachable database = new Unreachable(StarterFixtures.database("health-unreachable"));
        instance(database).run(context -> {
            assertThat(context).hasNotFailed();
            database.down = true;
            Health health = context.getBean(HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason").toString()).contains("database");
            database.down = false;
            assertThat(context.getBean(HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
        });
    }

    /** A database that can be switched off: every new connection fails while it is down. */
    private static final class Unreachable implements DataSource {
        private final DataSource inner;
        private volatile boolean down;

        Unreachable(DataSource inner) {
            this.inner = inner;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("connection refused", "08001");
            }
            return inner.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
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
        public Logger getParentLogger() {
            return Logger.getLogger("unreachable");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
