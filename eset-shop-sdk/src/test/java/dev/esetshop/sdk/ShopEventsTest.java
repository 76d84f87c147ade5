package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static dev.esetshop.sdk.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.WorkScope;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.FakeEsetApi.Fault;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.event.ConfirmationDelivered;
import dev.esetshop.sdk.event.OrderEnded;
import dev.esetshop.sdk.event.OrderOutcome;
import dev.esetshop.sdk.event.OrderPath;
import dev.esetshop.sdk.event.ReconcileEnded;
import dev.esetshop.sdk.event.ShopListener;
import dev.esetshop.sdk.event.ShopWork;
import dev.esetshop.sdk.event.SyncEnded;
import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The shop's typed events: every order's outcome from any path (the host's order, a retry under a known key, a renewal
 * batch, a reconcile settling a pending order), syncs, reconciles and deliveries, each timed on the shop's clock, and
 * the scopes of orders, syncs and reconciles; a listener that throws never breaks the work.
 */
class ShopEventsTest {

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    private final List<OrderConfirmed> confirmations = new CopyOnWriteArrayList<>();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final List<String> scopes = new CopyOnWriteArrayList<>();

    private final ShopListener recording = new ShopListener() {
        @Override
        public WorkScope onStarted(ShopWork work) {
            scopes.add("start " + work);
            return outcome -> scopes.add("end " + work + " " + outcome);
        }

        @Override
        public void onOrderEnded(OrderEnded ended) {
            events.add(ended);
        }

        @Override
        public void onReconcileEnded(ReconcileEnded ended) {
            events.add(ended);
        }

        @Override
        public void onSyncEnded(SyncEnded ended) {
            events.add(ended);
        }

        @Override
        public void onConfirmationDelivered(ConfirmationDelivered delivered) {
            events.add(delivered);
        }
    };

    private EsetShop shop(ShopListener listener) {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .owner("shop-a")
                .claimLease(Duration.ofMinutes(2))
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(confirmations::add)
                .eventListener(listener)
                .build();
    }

    private static Quote accepted(EsetShop shop, int seats) {
        QuoteResult result = shop.quote(
                NewLicenseRequest.builder().product("AV").seats(seats).years(1).build());
        assertThat(result).isInstanceOf(QuoteResult.Accepted.class);
        return ((QuoteResult.Accepted) result).quote();
    }

    @Test
    void anOrderSettledByAReconcileIsToldOnceMoreWithItsOutcome() {
        EsetShop shop = shop(recording);
        eset.fault(Fault.FAIL_BEFORE, Fault.FAIL_BEFORE);
        IdempotencyKey key = IdempotencyKey.of("a-1");

        assertThat(shop.order(accepted(shop, 6), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(OrderResult.Pending.class);
        ReconcileReport stillDown = shop.reconcile();
        ReconcileReport settled = shop.reconcile();

        assertThat(settled.confirmed()).isEqualTo(1);
        assertThat(events)
                .containsExactly(
                        new OrderEnded(OrderPath.ORDER, OrderOutcome.PENDING, key, Duration.ZERO),
                        new OrderEnded(OrderPath.RECONCILE, OrderOutcome.PENDING, key, Duration.ZERO),
                        new ReconcileEnded(WorkScope.SUCCESS, stillDown, Duration.ZERO),
                        new ConfirmationDelivered(
                                key,
                                journal.find(key).orElseThrow().orderNumber().orElseThrow(),
                                false),
                        new OrderEnded(OrderPath.RECONCILE, OrderOutcome.ORDERED, key, Duration.ZERO),
                        new ReconcileEnded(WorkScope.SUCCESS, settled, Duration.ZERO));
        assertThat(scopes)
                .containsExactly(
                        "start ORDER",
                        "end ORDER pending",
                        "start RECONCILE",
                        "start ORDER",
                        "end ORDER pending",
                        "end RECONCILE success",
                        "start RECONCILE",
                        "start ORDER",
                        "end ORDER ordered",
                        "end RECONCILE success");
    }

    @Test
    void theSamePurchaseAskedAgainIsARetryAndARenewalBatchIsItsOwnPath() {
        License expiring = Fixtures.license("LIC-1", "AV", 5, TODAY.plusDays(20), false, NOW);
        eset.put(expiring);
        EsetShop shop = shop(recording);
        OrderRequest request = OrderRequest.forNewLicense(accepted(shop, 6), Fixtures.eula(), Fixtures.customer())
                .withIdempotencyKey(IdempotencyKey.of("cart-7"));

        shop.order(request);
        shop.order(request);
        shop.sync();
        RenewalBatch batch = shop.renew(List.of(expiring), 1, IdempotencyKey.of("batch-1"));

        assertThat(batch.renewals()).hasSize(1);
        assertThat(events)
                .filteredOn(OrderEnded.class::isInstance)
                .map(OrderEnded.class::cast)
                .extracting(OrderEnded::path, OrderEnded::outcome, OrderEnded::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                OrderPath.ORDER, OrderOutcome.ORDERED, Optional.of(IdempotencyKey.of("cart-7"))),
                        org.assertj.core.groups.Tuple.tuple(
                                OrderPath.RETRY, OrderOutcome.ORDERED, Optional.of(IdempotencyKey.of("cart-7"))),
                        org.assertj.core.groups.Tuple.tuple(
                                OrderPath.RENEWAL_BATCH,
                                OrderOutcome.ORDERED,
                                Optional.of(RenewalBatch.orderKey(IdempotencyKey.of("batch-1"), expiring.id()))));
        // the confirmation of the first order is delivered once: the retry is answered from the journal
        assertThat(events).filteredOn(ConfirmationDelivered.class::isInstance).hasSize(2);
    }

    @Test
    void eachEventIsTimedOnTheShopsClock() {
        EsetShop shop = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(journal)
                .idempotencyKeys(Fixtures.keys("a"))
                // the delivery of the confirmation takes three seconds by the shop's clock
                .addConfirmationListener(event -> clock.advance(Duration.ofSeconds(3)))
                .eventListener(recording)
                .build();

        shop.order(accepted(shop, 6), Fixtures.eula(), Fixtures.customer());

        assertThat(events)
                .filteredOn(OrderEnded.class::isInstance)
                .map(OrderEnded.class::cast)
                .extracting(OrderEnded::took)
                .containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aSyncEndsWithItsReportOrTheCodeOfItsFailure() {
        EsetShop shop = shop(recording);
        SyncReport report = shop.sync();
        eset.failSearchOnCall = eset.searchCalls.get() + 1;
        assertThatThrownBy(shop::sync).isInstanceOf(EsetUnavailableException.class);

        assertThat(events)
                .containsExactly(
                        new SyncEnded(WorkScope.SUCCESS, report, Duration.ZERO),
                        new SyncEnded(EsetUnavailableException.CODE, Duration.ZERO));
        assertThat(scopes)
                .containsExactly(
                        "start SYNC", "end SYNC success", "start SYNC", "end SYNC " + EsetUnavailableException.CODE);
    }

    @Test
    void aListenerThatThrowsEverywhereNeverBreaksAnOrderItsConfirmationOrAReconcile() {
        ShopListener throwing = new ShopListener() {
            @Override
            public WorkScope onStarted(ShopWork work) {
                scopes.add("start " + work);
                return outcome -> {
                    throw new IllegalStateException("end of " + work);
                };
            }

            @Override
            public void onOrderEnded(OrderEnded ended) {
                events.add(ended);
                throw new IllegalStateException("order");
            }

            @Override
            public void onConfirmationDelivered(ConfirmationDelivered delivered) {
                events.add(delivered);
                throw new IllegalStateException("confirmation");
            }

            @Override
            public void onReconcileEnded(ReconcileEnded ended) {
                throw new IllegalStateException("reconcile");
            }
        };
        EsetShop shop = shop(throwing);

        OrderResult result = shop.order(accepted(shop, 6), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        assertThat(confirmations).hasSize(1);
        JournalEntry entry = journal.find(IdempotencyKey.of("a-1")).orElseThrow();
        assertThat(entry.state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(entry.deliveredAt())
                .as("delivered, whatever the event listener threw")
                .isPresent();
        assertThat(shop.reconcile().failed()).isEmpty();
        assertThat(events).hasSize(2);
        assertThat(scopes).containsExactly("start ORDER", "start RECONCILE");
    }
}
