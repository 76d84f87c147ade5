package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.FakeEsetApi.Fault;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.testkit.TestClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several shops on one journal, ordering and reconciling at once: one license and one event per order. */
class EsetShopConcurrencyTest {

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    private final List<OrderConfirmed> events = Collections.synchronizedList(new ArrayList<>());

    private EsetShop shop(String owner) {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .owner(owner)
                .idempotencyKeys(Fixtures.keys(owner))
                .addConfirmationListener(events::add)
                .build();
    }

    @Test
    void concurrentOrdersAndReconcilesOfFourShopsIssueExactlyOneLicensePerOrder() throws Exception {
        int perShop = 40;
        List<EsetShop> shops = List.of(shop("s1"), shop("s2"), shop("s3"), shop("s4"));
        // every third order call loses its answer after the commit, so reconciles have work while orders go on
        for (int i = 0; i < shops.size() * perShop; i++) {
            eset.fault(i % 3 == 0 ? Fault.LOSE_AFTER_COMMIT : Fault.NONE);
        }
        ExecutorService pool = Executors.newFixedThreadPool(shops.size() * 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (EsetShop shop : shops) {
            Quote quote = ((QuoteResult.Accepted) shop.quote(NewLicenseRequest.builder()
                            .product("AV")
                            .seats(5)
                            .years(1)
                            .build()))
                    .quote();
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perShop; i++) {
                    shop.order(quote, Fixtures.eula(), Fixtures.customer());
                }
                return null;
            }));
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perShop; i++) {
                    shop.reconcile();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        shops.get(0).reconcile();

        int orders = shops.size() * perShop;
        assertThat(journal.pending()).isEmpty();
        assertThat(eset.licensesIssued).hasValue(orders);
        assertThat(events).hasSize(orders);
        assertThat(events.stream().map(OrderConfirmed::eventId).distinct().count())
                .isEqualTo(orders);
        assertThat(events.stream().map(OrderConfirmed::licenseId).distinct().count())
                .isEqualTo(orders);
    }
}
