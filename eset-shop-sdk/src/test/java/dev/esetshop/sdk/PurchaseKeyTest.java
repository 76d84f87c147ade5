package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.FakeEsetApi.Fault;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.jdbc.TestDatabases;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 §1: the caller's key is the purchase. A key the journal knows is answered from the journal first, whatever
 * today's quote, margin, catalog or ESET's availability say, and two calls with one key at once make one order. On
 * H2 here, on PostgreSQL in {@link PostgresPurchaseKeyTest}.
 */
class PurchaseKeyTest {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int ROUNDS = 30;

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private DataSource database;
    private ExecutorService threads;

    /** A fresh, empty database for one test: H2 here, PostgreSQL in the subclass. */
    DataSource newDatabase() {
        return TestDatabases.h2("purchase-key");
    }

    @BeforeEach
    void start() {
        // the pool first: a subclass's database may skip the test (no server), and stop() still runs
        threads = Executors.newFixedThreadPool(2);
        database = newDatabase();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private EsetShop shop(String owner) {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner(owner)
                .claimLease(LEASE)
                .idempotencyKeys(Fixtures.keys(owner))
                .build();
    }

    /** A shop of a new process whose license book is its own (empty), on the same journal. */
    private EsetShop shopWithEmptyBook(String owner) {
        return EsetShop.builder()
                .catalog(Fixtures.republishedCatalog())
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(new InMemoryLicenseStore())
                .owner(owner)
                .claimLease(LEASE)
                .idempotencyKeys(Fixtures.keys(owner))
                .build();
    }

    private static Quote quote(EsetShop shop, int seats) {
        return ((QuoteResult.Accepted) shop.quote(NewLicenseRequest.builder()
                        .product("AV")
                        .seats(seats)
                        .years(1)
                        .build()))
                .quote();
    }

    private static OrderRequest purchase(Quote quote, String key) {
        return OrderRequest.forNewLicense(quote, Fixtures.eula(), Fixtures.customer())
                .withIdempotencyKey(IdempotencyKey.of(key));
    }

    @Test
    void item1AConfirmedKeyIsAnsweredFromTheJournalOnALaterDayWithAnotherMarginAndCatalog() {
        EsetShop shop = shop("a");
        OrderRequest purchase = purchase(quote(shop, 6), "cart-1");
        OrderResult.Ordered first = (OrderResult.Ordered) shop.order(purchase);

        clock.advance(Duration.ofDays(3));
        eset.margin = new BigDecimal("0.30");
        OrderResult again = shopWithEmptyBook("b").order(purchase);

        assertThat(again).isInstanceOfSatisfying(OrderResult.Ordered.class, ordered -> {
            assertThat(ordered.orderNumber()).isEqualTo(first.orderNumber());
            assertThat(ordered.license()).isEqualTo(first.license());
            assertThat(ordered.event().eventId()).isEqualTo(first.event().eventId());
        });
        assertThat(eset.orderCalls).hasValue(1);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void item1APendingKeyIsSentAgainUnderItsKeyOnALaterDayAndOrderedOnce() {
        EsetShop shop = shop("a");
        OrderRequest purchase = purchase(quote(shop, 6), "cart-1");
        eset.fault(Fault.LOSE_AFTER_COMMIT);
        assertThat(shop.order(purchase)).isInstanceOf(OrderResult.Pending.class);

        clock.advance(Duration.ofDays(1));
        eset.margin = new BigDecimal("0.30");
        OrderResult again = shopWithEmptyBook("b").order(purchase);

        assertThat(again).isInstanceOf(OrderResult.Ordered.class);
        assertThat(eset.orderCalls).hasValue(2);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void item1And2AConfirmedKeyIsAnsweredWithoutEsetWhileEsetIsInMaintenanceAndTheBookLacksTheLicense() {
        EsetShop shop = shop("a");
        OrderRequest purchase = purchase(quote(shop, 6), "cart-1");
        OrderResult.Ordered first = (OrderResult.Ordered) shop.order(purchase);
        eset.maintenance = true;
        int callsBefore = eset.orderCalls.get() + eset.partnerStatusCalls.get();

        OrderResult again = shopWithEmptyBook("b").order(purchase);

        assertThat(again).isInstanceOfSatisfying(OrderResult.Ordered.class, ordered -> {
            assertThat(ordered.orderNumber()).isEqualTo(first.orderNumber());
            assertThat(ordered.license().licenseKey().reveal())
                    .isEqualTo(first.license().licenseKey().reveal());
        });
        assertThat(eset.orderCalls.get() + eset.partnerStatusCalls.get()).isEqualTo(callsBefore);
    }

    @Test
    void item2APendingKeyWhileEsetIsInMaintenanceIsAnsweredPendingWithItsKeyNeverAnError() {
        EsetShop shop = shop("a");
        OrderRequest purchase = purchase(quote(shop, 6), "cart-1");
        eset.fault(Fault.LOSE_AFTER_COMMIT);
        assertThat(shop.order(purchase)).isInstanceOf(OrderResult.Pending.class);
        eset.maintenance = true;

        OrderResult fromTheSameShop = shop.order(purchase);
        OrderResult fromANewShop = shopWithEmptyBook("b").order(purchase);

        assertThat(List.of(fromTheSameShop, fromANewShop))
                .allSatisfy(result -> assertThat(result)
                        .isInstanceOfSatisfying(
                                OrderResult.Pending.class,
                                pending ->
                                        assertThat(pending.idempotencyKey()).isEqualTo(IdempotencyKey.of("cart-1"))));
        eset.maintenance = false;
        assertThat(shop.order(purchase)).isInstanceOf(OrderResult.Ordered.class);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void item3ADifferentOrderUnderAUsedKeyStaysRefusedAsAConflictOnALaterDayToo() {
        EsetShop shop = shop("a");
        shop.order(purchase(quote(shop, 6), "cart-1"));
        clock.advance(Duration.ofDays(1));
        EsetShop later = shop("b");

        OrderResult other = later.order(purchase(quote(later, 9), "cart-1"));

        assertThat(other).isInstanceOfSatisfying(OrderResult.Refused.class, refused -> {
            assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.SHOP);
            assertThat(refused.errorCode()).contains(IdempotencyConflictException.CODE);
        });
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void item3ASecondCallWithTheKeyOnTheSameShopWaitsForTheFirstAndAnswersItsOrder() throws Exception {
        EsetShop shop = shop("a");
        OrderRequest purchase = purchase(quote(shop, 6), "cart-1");
        CountDownLatch firstInEset = new CountDownLatch(1);
        CountDownLatch letEsetAnswer = new CountDownLatch(1);
        eset.whileAnswering = () -> {
            firstInEset.countDown();
            await(letEsetAnswer);
        };
        Future<OrderResult> first = threads.submit(() -> shop.order(purchase));
        assertThat(firstInEset.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Thread> secondThread = new CompletableFuture<>();
        Future<OrderResult> second = threads.submit(() -> {
            secondThread.complete(Thread.currentThread());
            return shop.order(purchase);
        });
        Thread waiting = secondThread.get(10, TimeUnit.SECONDS);
        // the second call must be parked on the first one (or done) before ESET answers the first
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiting.getState() != Thread.State.TIMED_WAITING && !second.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        letEsetAnswer.countDown();

        OrderResult one = first.get(10, TimeUnit.SECONDS);
        OrderResult two = second.get(10, TimeUnit.SECONDS);

        assertThat(one).isInstanceOf(OrderResult.Ordered.class);
        assertThat(two)
                .isInstanceOfSatisfying(
                        OrderResult.Ordered.class,
                        ordered ->
                                assertThat(ordered.orderNumber()).isEqualTo(((OrderResult.Ordered) one).orderNumber()));
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void item3TwoShopsOnOneJournalRacingOneKeyMakeOneOrderAndNeitherAsksForANewKey() throws Exception {
        EsetShop a = shop("a");
        EsetShop b = shop("b");
        Quote quote = quote(a, 6);
        quote(b, 6);
        CyclicBarrier together = new CyclicBarrier(2);
        List<String> failures = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            OrderRequest purchase = purchase(quote, "cart-" + round);
            Future<OrderResult> fromA = threads.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return a.order(purchase);
            });
            Future<OrderResult> fromB = threads.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return b.order(purchase);
            });
            List<OrderResult> answers = new ArrayList<>();
            for (Future<OrderResult> answer : List.of(fromA, fromB)) {
                try {
                    answers.add(answer.get(30, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException failed) {
                    failures.add("round " + round + ": " + failed.getCause());
                }
            }
            for (OrderResult answer : answers) {
                if (answer instanceof OrderResult.Pending pending) {
                    assertThat(pending.idempotencyKey()).isEqualTo(IdempotencyKey.of("cart-" + round));
                } else {
                    assertThat(answer).isInstanceOf(OrderResult.Ordered.class);
                }
            }
            // whoever got Pending asks again with the key and hears the one order
            OrderResult settled = a.order(purchase);
            assertThat(settled).isInstanceOf(OrderResult.Ordered.class);
            assertThat(answers)
                    .filteredOn(OrderResult.Ordered.class::isInstance)
                    .allSatisfy(answer -> assertThat(((OrderResult.Ordered) answer).orderNumber())
                            .isEqualTo(((OrderResult.Ordered) settled).orderNumber()));
        }

        assertThat(failures).isEmpty();
        assertThat(eset.licensesIssued).hasValue(ROUNDS);
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .latest(ROUNDS + 1))
                .hasSize(ROUNDS)
                .allSatisfy(entry -> assertThat(entry.state()).isEqualTo(JournalEntry.State.CONFIRMED));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not let ESET answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
