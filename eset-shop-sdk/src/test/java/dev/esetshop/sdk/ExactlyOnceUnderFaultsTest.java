package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Operation;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.FakeEsetApi.Fault;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.FaultyDataSource;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Issue 9, items 1 to 6, 12 and 14: one purchase is one license, whatever the database and ESET do. */
class ExactlyOnceUnderFaultsTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final DataSource database = JdbcStorage.h2InMemory("exactly-once-" + UUID.randomUUID());
    private final FaultyDataSource faulty = FaultyDataSource.around(database);
    private final List<OrderConfirmed> events = new ArrayList<>();

    private EsetShop shop(String owner, DataSource journalDatabase, FakeEsetApi api) {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(api)
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(journalDatabase, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner(owner)
                .claimLease(LEASE)
                .idempotencyKeys(Fixtures.keys(owner))
                .addConfirmationListener(events::add)
                .build();
    }

    private Quote quote(EsetShop shop, int seats) {
        return ((QuoteResult.Accepted) shop.quote(NewLicenseRequest.builder()
                        .product("AV")
                        .seats(seats)
                        .years(1)
                        .build()))
                .quote();
    }

    private JournalEntry entry(String key) {
        return JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                .find(IdempotencyKey.of(key))
                .orElseThrow();
    }

    @Test
    void item1TheEntryIsCommittedBeforeTheFirstByteGoesToEsetEvenOnAutoCommitOffConnections() {
        faulty.autoCommitOff();
        EsetShop shop = shop("a", faulty, eset);
        List<Optional<JournalEntry>> seenWhileSending = new ArrayList<>();
        eset.whileAnswering = () -> seenWhileSending.add(
                JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER).find(IdempotencyKey.of("a-1")));

        OrderResult result = shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        assertThat(seenWhileSending).hasSize(1);
        assertThat(seenWhileSending.get(0)).isPresent();
        JournalEntry settled = entry("a-1");
        assertThat(settled.state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(settled.deliveredAt()).isPresent();
    }

    @Test
    void item2ADatabaseFailureAfterAnUnknownOutcomeAnswersPendingWithTheKeyNeverAnError() {
        EsetShop shop = shop("a", faulty, eset);
        eset.fault(Fault.LOSE_AFTER_COMMIT);
        faulty.failStatementsContaining("SET claimed_by = NULL");

        OrderResult result = shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer());

        assertThat(result)
                .isInstanceOfSatisfying(
                        OrderResult.Pending.class,
                        pending -> assertThat(pending.idempotencyKey()).isEqualTo(IdempotencyKey.of("a-1")));
        faulty.heal();
        clock.advance(LEASE.plusSeconds(1));
        shop.reconcile();
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(entry("a-1").state()).isEqualTo(JournalEntry.State.CONFIRMED);
    }

    @Test
    void item2AFailedConfirmAndAFailedRejectAreStillAnswersWithTheKey() {
        EsetShop shop = shop("a", faulty, eset);
        faulty.failStatementsContaining("SET state = ?");
        eset.fault(Fault.REFUSE);

        assertThat(shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(OrderResult.Pending.class);
        assertThat(shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(OrderResult.Pending.class);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void item3ASendThatOutlastsItsLeaseIsTakenOverAndItsConfirmationDeliveredOnce() {
        EsetShop first = shop("a", database, eset);
        EsetShop second = shop("b", database, eset);
        List<ReconcileReport> secondReports = new ArrayList<>();
        eset.whileAnswering = () -> {
            // a's answer is slow: its lease lapses and b, on the same journal, sends the order again
            clock.advance(LEASE.plusSeconds(30));
            secondReports.add(second.reconcile());
        };

        OrderResult result = first.order(quote(first, 6), Fixtures.eula(), Fixtures.customer());

        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        assertThat(secondReports)
                .singleElement()
                .satisfies(report -> assertThat(report.confirmed()).isEqualTo(1));
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
        clock.advance(LEASE.multipliedBy(3));
        assertThat(first.reconcile().redelivered()).isZero();
        assertThat(second.reconcile().redelivered()).isZero();
        assertThat(events).hasSize(1);
    }

    @Test
    void item4A409OnAResendKeepsTheOrderPendingAndSaysSo() {
        EsetShop shop = shop("a", database, eset);
        eset.fault(Fault.FAIL_BEFORE);
        assertThat(shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(OrderResult.Pending.class);

        eset.fault(Fault.CONFLICT);
        ReconcileReport report = shop.reconcile();

        assertThat(report.rejected()).isZero();
        assertThat(report.needsAttention()).containsExactly(IdempotencyKey.of("a-1"));
        assertThat(entry("a-1").state()).isEqualTo(JournalEntry.State.PENDING);
        assertThat(shop.reconcile().confirmed()).isEqualTo(1);
    }

    @Test
    void item5OneUnreadableEntryIsCountedAndTheReconcileGoesOn() {
        EsetShop shop = shop("a", database, eset);
        JdbcOrderJournal journal = JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
        journal.recordPending(JournalEntry.builder()
                .key(IdempotencyKey.of("broken"))
                .operation(Operation.NEW)
                .payload("{not json")
                .state(JournalEntry.State.PENDING)
                .createdAt(NOW.minusSeconds(10))
                .updatedAt(NOW.minusSeconds(10))
                .build());
        eset.fault(Fault.FAIL_BEFORE);
        shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer());

        ReconcileReport report = shop.reconcile();

        assertThat(report.failed()).containsExactly(IdempotencyKey.of("broken"));
        assertThat(report.confirmed()).isEqualTo(1);
    }

    @Test
    void item5AStoredValueThatNoLongerParsesIsCountedAndTheReconcileGoesOn() throws Exception {
        EsetShop shop = shop("a", database, eset);
        try (var connection = database.getConnection();
                var statement = connection.createStatement()) {
            // an operation this version does not know, and a license id with a blank: neither reads as the SDK's type
            statement.execute("INSERT INTO eset_order_journal (reseller_id, idempotency_key, operation, payload,"
                    + " state, created_at, updated_at) VALUES ('default', 'unknown-operation', 'UPGRADE_2030', '{}',"
                    + " 'PENDING', TIMESTAMP WITH TIME ZONE '2026-03-10 08:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-10 08:00:00+00')");
            statement.execute("INSERT INTO eset_order_journal (reseller_id, idempotency_key, operation, payload,"
                    + " state, created_at, updated_at, order_number, license_id) VALUES ('default',"
                    + " 'damaged-license-id', 'NEW', '{}', 'CONFIRMED', TIMESTAMP WITH TIME ZONE"
                    + " '2026-03-10 08:01:00+00', TIMESTAMP WITH TIME ZONE '2026-03-10 08:01:00+00', 'ORD-1',"
                    + " '3AB 7KQ')");
        }
        eset.fault(Fault.FAIL_BEFORE);
        shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer());

        ReconcileReport report = shop.reconcile();

        assertThat(report.failed())
                .containsExactly(IdempotencyKey.of("unknown-operation"), IdempotencyKey.of("damaged-license-id"));
        assertThat(report.confirmed()).isEqualTo(1);
        assertThat(report.redelivered()).isZero();
        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(shop.reconcile().failed()).hasSize(2);
    }

    @Test
    void item6TheCallersKeyMakesARetryOfThePurchaseTheSameOrder() {
        EsetShop shop = shop("a", database, eset);
        Quote quote = quote(shop, 6);
        OrderRequest purchase = OrderRequest.forNewLicense(quote, Fixtures.eula(), Fixtures.customer())
                .withIdempotencyKey(IdempotencyKey.of("cart-17"));
        eset.fault(Fault.LOSE_AFTER_COMMIT);
        assertThat(shop.order(purchase)).isInstanceOf(OrderResult.Pending.class);

        // the caller crashed and retries the same purchase with a new shop
        clock.advance(LEASE.plusSeconds(1));
        EsetShop restarted = shop("b", database, eset);
        OrderResult again = restarted.order(purchase);
        OrderResult once_more = restarted.order(purchase);

        assertThat(again).isInstanceOf(OrderResult.Ordered.class);
        assertThat(once_more)
                .isInstanceOfSatisfying(
                        OrderResult.Ordered.class,
                        ordered -> assertThat(ordered.orderNumber())
                                .isEqualTo(((OrderResult.Ordered) again).orderNumber()));
        assertThat(eset.licensesIssued).hasValue(1);
        OrderResult other =
                restarted.order(OrderRequest.forNewLicense(quote(restarted, 9), Fixtures.eula(), Fixtures.customer())
                        .withIdempotencyKey(IdempotencyKey.of("cart-17")));
        assertThat(other).isInstanceOfSatisfying(OrderResult.Refused.class, refused -> {
            assertThat(refused.refusedBy()).isEqualTo(OrderResult.RefusedBy.SHOP);
            assertThat(refused.errorCode()).contains(IdempotencyConflictException.CODE);
        });
        assertThat(eset.licensesIssued).hasValue(1);
    }

    @Test
    void issue8TheEulaIsJournalledAndInTheEventAndTheOrderNumberIsInTheBook() {
        EsetShop shop = shop("a", database, eset);

        OrderResult.Ordered ordered =
                (OrderResult.Ordered) shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer());

        assertThat(entry("a-1").eula()).contains(Fixtures.eula());
        assertThat(ordered.event().eula()).contains(Fixtures.eula());
        assertThat(shop.license(ordered.license().id()).orElseThrow().orderNumber())
                .contains(ordered.orderNumber());
        // a sync brings the license without an order number: the book keeps it
        shop.sync();
        assertThat(shop.license(ordered.license().id()).orElseThrow().orderNumber())
                .contains(ordered.orderNumber());
    }

    @Test
    void item12AStoreOfOnePartnerRefusesAShopOfAnother() {
        EsetShop first = shop("a", database, eset);
        first.sync();
        FakeEsetApi otherReseller = new FakeEsetApi(clock);
        otherReseller.partnerId = "P-2002";
        EsetShop second = shop("b", database, otherReseller);

        assertThatThrownBy(second::sync).isInstanceOfSatisfying(PartnerMismatchException.class, e -> {
            assertThat(e.code()).isEqualTo("PARTNER_MISMATCH");
            assertThat(e.storedPartnerId()).isEqualTo("P-1001");
            assertThat(e.shopPartnerId()).isEqualTo("P-2002");
        });
        assertThatThrownBy(() -> second.order(quote(second, 6), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(PartnerMismatchException.class);
        assertThat(otherReseller.licensesIssued).hasValue(0);
    }

    @Test
    void item14AClosedShopRefusesWorkAndClosesTwice() {
        EsetShop shop = shop("a", database, eset);
        shop.close();
        shop.close();

        assertThatThrownBy(shop::sync).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aJournalThatCannotRecordTheOrderSendsNothing() {
        EsetShop shop = shop("a", faulty, eset);
        faulty.failStatementsContaining("INSERT INTO eset_order_journal");

        assertThatThrownBy(() -> shop.order(quote(shop, 6), Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(StorageException.class);
        assertThat(eset.orderCalls).hasValue(0);
    }
}
