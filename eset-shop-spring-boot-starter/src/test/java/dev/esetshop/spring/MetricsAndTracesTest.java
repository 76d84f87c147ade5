package dev.esetshop.spring;

import static dev.esetshop.spring.StarterFixtures.orderWhileEsetIsDown;
import static dev.esetshop.spring.StarterFixtures.reseller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.spring.internal.ShopScheduler;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.TestClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The monitor records itself from the SDK's events: orders from every path, a bounded number of series however many
 * resellers, the books' sync age from the store, and observations of calls, orders, syncs and reconciles.
 */
class MetricsAndTracesTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-10T09:00:00Z"));
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

    private static double orders(MeterRegistry registry, String path, String outcome) {
        return registry.get(EsetShopMonitor.ORDERS)
                .tag("path", path)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void anOrderSettledByTheScheduledReconcileIsCountedWithoutTheHostFeedingAnything() {
        host(StarterFixtures.database("metrics-reconcile")).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            EsetShops shops = context.getBean(EsetShops.class);

            orderWhileEsetIsDown(shops.shop(reseller(0)), sandbox, clock);
            assertThat(orders(registry, "order", "pending")).isEqualTo(1.0);
            assertThat(registry.get(EsetShopMonitor.PENDING_ORDERS).gauge().value())
                    .isEqualTo(1.0);

            clock.advance(Duration.ofMinutes(3));
            context.getBean(ShopScheduler.class).reconcileAll();

            assertThat(sandbox.ordersApplied()).isEqualTo(1);
            assertThat(orders(registry, "reconcile", "ordered")).isEqualTo(1.0);
            assertThat(orders(registry, "order", "ordered")).isZero();
            assertThat(registry.get(EsetShopMonitor.PENDING_ORDERS).gauge().value())
                    .isZero();
            assertThat(registry.get(EsetShopMonitor.RECONCILE_DURATION)
                            .tag("outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
        });
    }

    /** Every meter of the registry whose name is one of the starter's. */
    private static long starterMeters(MeterRegistry registry) {
        return registry.getMeters().stream()
                .map(Meter::getId)
                .filter(id -> id.getName().startsWith("eset.shop."))
                .count();
    }

    /** Opens and syncs the first {@code count} resellers' shops, one call of each kind, and reconciles them. */
    private static void use(EsetShops shops, int from, int to) {
        for (int index = from; index < to; index++) {
            ResellerId reseller = reseller(index);
            shops.shop(reseller).status();
            shops.shop(reseller).sync();
            shops.shop(reseller).reconcile();
        }
    }

    @Test
    void theNumberOfSeriesDoesNotGrowWithTheResellersUnlessTheResellerTagIsAskedFor() {
        AtomicInteger tagged = new AtomicInteger();
        for (boolean resellerTag : new boolean[] {false, true}) {
            StarterFixtures.withMetrics(StarterFixtures.instance(
                            sandbox, StarterFixtures.database("metrics-series-" + resellerTag), clock, 20))
                    .withPropertyValues("eset.shop.metrics.reseller-tag=" + resellerTag)
                    .run(context -> {
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        EsetShops shops = context.getBean(EsetShops.class);
                        use(shops, 0, 2);
                        long afterTwo = starterMeters(registry);
                        use(shops, 2, 20);
                        long afterTwenty = starterMeters(registry);
                        if (resellerTag) {
                            assertThat(afterTwenty)
                                    .as("a series per reseller, asked for")
                                    .isGreaterThan(afterTwo);
                            assertThat(registry.get(EsetShopMonitor.SYNC_AGE)
                                            .tag("reseller", "r-19")
                                            .gauge()
                                            .value())
                                    .isZero();
                            tagged.incrementAndGet();
                        } else {
                            assertThat(afterTwenty)
                                    .as("the same series for 2 and for 20 resellers")
                                    .isEqualTo(afterTwo);
                            assertThat(registry.find(EsetShopMonitor.ORDERS)
                                            .tagKeys("reseller")
                                            .counters())
                                    .isEmpty();
                        }
                    });
        }
        assertThat(tagged).hasValue(1);
    }

    @Test
    void theSyncAgeIsTheBooksAgeInTheStoreFromTheFirstScrapeAfterARestart() {
        DataSource database = StarterFixtures.database("metrics-sync-age");
        host(database).run(context -> {
            context.getBean(EsetShops.class).shop(reseller(0)).sync();
            assertThat(context.getBean(MeterRegistry.class)
                            .get(EsetShopMonitor.SYNC_AGE)
                            .gauge()
                            .value())
                    .isZero();
        });

        clock.advance(Duration.ofMinutes(10));

        // a new instance (or this one restarted) has synced nothing yet: the age is the book's, from the store
        host(database)
                .run(context -> assertThat(context.getBean(MeterRegistry.class)
                                .get(EsetShopMonitor.SYNC_AGE)
                                .gauge()
                                .value())
                        .isEqualTo(600.0));
        host(database)
                .withPropertyValues("eset.shop.metrics.reseller-tag=true")
                .run(context -> assertThat(context.getBean(MeterRegistry.class)
                                .get(EsetShopMonitor.SYNC_AGE)
                                .tag("reseller", "r-0")
                                .gauge()
                                .value())
                        .isEqualTo(600.0));
    }

    /** The name of an observation's parent, {@code none} for a root. */
    private static String parent(Observation.Context context) {
        ObservationView parent = context.getParentObservation();
        return parent == null ? "none" : parent.getContextView().getName();
    }

    @Test
    void callsOrdersSyncsAndReconcilesAreObservationsWithLowCardinalityKeys() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        host(StarterFixtures.database("metrics-observations"))
                .withBean(ObservationRegistry.class, () -> observations)
                .run(context -> {
                    EsetShops shops = context.getBean(EsetShops.class);
                    shops.shop(reseller(0)).sync();
                    orderWhileEsetIsDown(shops.shop(reseller(0)), sandbox, clock);
                    clock.advance(Duration.ofMinutes(3));
                    shops.shop(reseller(0)).reconcile();
                });

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(EsetShopMonitor.SYNC_OBSERVATION)
                .that()
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasHighCardinalityKeyValue("reseller", "r-0")
                .hasBeenStopped();
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
            // the order left pending is an observation of its own; the reconcile's resend is its child
            assertThat(contexts)
                    .filteredOn(context -> context.getName().equals(EsetShopMonitor.ORDER_OBSERVATION))
                    .extracting(
                            context ->
                                    context.getLowCardinalityKeyValue("outcome").getValue(),
                            MetricsAndTracesTest::parent)
                    .containsExactly(tuple("pending", "none"), tuple("ordered", EsetShopMonitor.RECONCILE_OBSERVATION));
            assertThat(contexts)
                    .filteredOn(context -> context.getName().equals(EsetShopMonitor.CALL_OBSERVATION))
                    .extracting(
                            context -> context.getLowCardinalityKeyValue("call").getValue(),
                            context ->
                                    context.getLowCardinalityKeyValue("outcome").getValue())
                    .contains(tuple("License/Order", "ESET_UNAVAILABLE"), tuple("License/Order", "success"));
            // the sync's pages are fetched inside the sync's observation
            assertThat(contexts)
                    .filteredOn(context -> context.getName().equals(EsetShopMonitor.CALL_OBSERVATION))
                    .filteredOn(context ->
                            context.getLowCardinalityKeyValue("call").getValue().equals("Search/Licenses"))
                    .isNotEmpty()
                    .allSatisfy(context -> assertThat(parent(context)).isEqualTo(EsetShopMonitor.SYNC_OBSERVATION));
        });
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(EsetShopMonitor.RECONCILE_OBSERVATION)
                .that()
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasBeenStopped();
    }
}
