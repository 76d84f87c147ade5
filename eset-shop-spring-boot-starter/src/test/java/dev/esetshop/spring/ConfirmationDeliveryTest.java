package dev.esetshop.spring;

import static dev.esetshop.spring.StarterFixtures.deliveredAt;
import static dev.esetshop.spring.StarterFixtures.orderWhileEsetIsDown;
import static dev.esetshop.spring.StarterFixtures.reseller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.ReconcileReport;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.spring.internal.ShopScheduler;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue 18 §1: a confirmation is delivered to the host's listener beans, and with none it is never marked delivered
 * to nobody: it stays undelivered, counted by the health and the metric, until an instance with a listener takes it.
 */
class ConfirmationDeliveryTest {

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

    private ApplicationContextRunner host(DataSource database) {
        return StarterFixtures.withMetrics(StarterFixtures.instance(sandbox, database, clock));
    }

    @Test
    void anOrderSettledByTheScheduledReconcileWithNoListenerStaysUndeliveredUntilAListenerTakesIt() {
        DataSource database = StarterFixtures.database("confirmations-nobody");
        List<OrderConfirmed> received = new CopyOnWriteArrayList<>();
        AtomicReference<IdempotencyKey> key = new AtomicReference<>();
        host(database).run(context -> {
            assertThat(context).hasNotFailed();
            EsetShops shops = context.getBean(EsetShops.class);
            OrderResult.Pending pending = orderWhileEsetIsDown(shops.shop(reseller(0)), sandbox, clock);
            key.set(pending.idempotencyKey());

            // ESET is back; the scheduled reconcile's round settles the order
            clock.advance(Duration.ofMinutes(3));
            context.getBean(ShopScheduler.class).reconcileAll();
            assertThat(sandbox.ordersApplied()).isEqualTo(1);

            // nobody took the confirmation: it is not marked delivered (the old code marked it delivered to nobody)
            assertThat(deliveredAt(database, pending.idempotencyKey().value())).isEmpty();
            assertThat(shops.openOrders().undelivered()).isEqualTo(1);
            ReconcileReport again = shops.shop(reseller(0)).reconcile();
            assertThat(again.undelivered()).containsExactly(pending.idempotencyKey());
            context.getBean(ShopScheduler.class).reconcileAll();
            assertThat(context.getBean(MeterRegistry.class)
                            .get(EsetShopMonitor.UNDELIVERED)
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
            Health health = context.getBean(HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("undeliveredConfirmations", 1);
        });

        // the host adds a listener bean: the next reconcile delivers the confirmation to it, once
        host(database).withBean(ConfirmationListener.class, () -> received::add).run(context -> {
            clock.advance(Duration.ofMinutes(3));
            context.getBean(ShopScheduler.class).reconcileAll();
            assertThat(received).hasSize(1);
            assertThat(received.get(0).eventId()).isEqualTo(OrderConfirmed.eventIdFor(key.get()));
            assertThat(context.getBean(EsetShops.class).openOrders().undelivered())
                    .isZero();
            context.getBean(ShopScheduler.class).reconcileAll();
            assertThat(received).hasSize(1);
            assertThat(context.getBean(HealthIndicator.class).health().getDetails())
                    .containsEntry("undeliveredConfirmations", 0);
        });
    }

    @Test
    void everyListenerBeanGetsTheConfirmationOfAnOrderAndThenItIsDelivered() {
        DataSource database = StarterFixtures.database("confirmations-beans");
        List<String> calls = new CopyOnWriteArrayList<>();
        host(database)
                .withBean("mailer", ConfirmationListener.class, () -> event -> calls.add("mailer"))
                .withBean("audit", ConfirmationListener.class, () -> event -> calls.add("audit"))
                .run(context -> {
                    EsetShops shops = context.getBean(EsetShops.class);
                    OrderResult.Pending pending = orderWhileEsetIsDown(shops.shop(reseller(0)), sandbox, clock);
                    clock.advance(Duration.ofMinutes(3));
                    context.getBean(ShopScheduler.class).reconcileAll();

                    assertThat(calls).containsExactlyInAnyOrder("mailer", "audit");
                    assertThat(deliveredAt(database, pending.idempotencyKey().value()))
                            .isPresent();
                    assertThat(shops.openOrders().undelivered()).isZero();
                });
    }
}
