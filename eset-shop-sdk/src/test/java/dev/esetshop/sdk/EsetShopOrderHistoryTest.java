package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.TrialRequest;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistory;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.sdk.order.OrderRecord;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The order history: read from the journal, so it holds every shop's orders and survives restarts. */
class EsetShopOrderHistoryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final DataSource database = JdbcStorage.h2InMemory("history-" + UUID.randomUUID());

    private EsetShop shop(String owner, String keys) {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .zone(BERLIN)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner(owner)
                .idempotencyKeys(Fixtures.keys(keys))
                .build();
    }

    private static Quote accepted(EsetShop shop, QuoteRequest request) {
        return ((QuoteResult.Accepted) shop.quote(request)).quote();
    }

    @Test
    void twoShopsOnOneDatabaseEachSeeBothOrdersNewestFirstWithEverythingARowShows() {
        EsetShop first = shop("shop-a", "a");
        EsetShop second = shop("shop-b", "b");
        Quote sixSeats = accepted(
                first,
                NewLicenseRequest.builder().product("AV").seats(6).years(1).build());
        OrderResult.Ordered ordered = (OrderResult.Ordered)
                first.order(OrderRequest.forNewLicense(sixSeats, Fixtures.eula(), Fixtures.customer())
                        .withReference("PO 17"));
        clock.advance(Duration.ofMinutes(3));
        second.order(
                accepted(
                        second,
                        TrialRequest.builder().product("SEC").seats(5).months(1).build()),
                Fixtures.eula(),
                Fixtures.customer());

        for (EsetShop shop : List.of(first, second, shop("shop-c", "c"))) {
            OrderHistory history = shop.orders(OrderHistoryQuery.newest());
            assertThat(history.orders())
                    .extracting(OrderRecord::operation)
                    .containsExactly(Operation.TRIAL, Operation.NEW);
            assertThat(history.hasNext()).isFalse();
            OrderRecord trial = history.orders().get(0);
            assertThat(trial.product()).isEqualTo(ProductCode.of("SEC"));
            assertThat(trial.productName()).isEqualTo("Test Security");
            assertThat(trial.yourPrice().isZero()).isTrue();
            OrderRecord order = history.orders().get(1);
            // 09:00 UTC in March is 10:00 in Berlin
            assertThat(order.placedAt()).isEqualTo(LocalDateTime.of(2026, 3, 10, 10, 0));
            assertThat(order.key()).isEqualTo(IdempotencyKey.of("a-1"));
            assertThat(order.productName(Locale.GERMAN)).isEqualTo("Test Antivirus");
            assertThat(order.seats()).isEqualTo(6);
            assertThat(order.yourPrice()).isEqualTo(sixSeats.yourPrice());
            assertThat(order.customer()).isEqualTo(Fixtures.customer());
            assertThat(order.reference()).contains("PO 17");
            assertThat(order.eula()).contains(Fixtures.eula());
            assertThat(order.state()).isEqualTo(JournalEntry.State.CONFIRMED);
            assertThat(order.orderNumber()).contains(ordered.orderNumber());
            assertThat(order.licenseId()).contains(ordered.license().id());
        }
    }

    /**
     * The outcome page's read: one order by its purchase key, from any shop on the journal (after a restart too), as
     * it stands now; a key the journal does not hold is empty.
     */
    @Test
    void oneOrderIsFoundByItsPurchaseKeyFromAnyShopOnTheJournal() {
        EsetShop first = shop("shop-a", "a");
        Quote sixSeats = accepted(
                first,
                NewLicenseRequest.builder().product("AV").seats(6).years(1).build());
        OrderResult.Ordered ordered = (OrderResult.Ordered)
                first.order(OrderRequest.forNewLicense(sixSeats, Fixtures.eula(), Fixtures.customer())
                        .withIdempotencyKey(IdempotencyKey.of("purchase-17")));

        OrderRecord found = shop("restarted", "r")
                .findOrder(IdempotencyKey.of("purchase-17"))
                .orElseThrow();

        assertThat(found.key()).isEqualTo(IdempotencyKey.of("purchase-17"));
        assertThat(found.state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(found.orderNumber()).contains(ordered.orderNumber());
        assertThat(found.licenseId()).contains(ordered.license().id());
        assertThat(found.seats()).isEqualTo(6);
        assertThat(first.findOrder(IdempotencyKey.of("purchase-18"))).isEmpty();
    }

    @Test
    void pagesFollowEachOtherAndFilterByStateAndOperation() {
        License license = Fixtures.license(
                "LIC-1", "SEC", 5, Fixtures.NOW.atZone(BERLIN).toLocalDate().plusDays(20), false, NOW);
        eset.put(license);
        EsetShop shop = shop("shop-a", "a");
        for (int seats = 5; seats <= 7; seats++) {
            shop.order(
                    accepted(
                            shop,
                            NewLicenseRequest.builder()
                                    .product("AV")
                                    .seats(seats)
                                    .years(1)
                                    .build()),
                    Fixtures.eula(),
                    Fixtures.customer());
            clock.advance(Duration.ofSeconds(1));
        }
        shop.order(
                accepted(
                        shop,
                        RenewalRequest.builder()
                                .license(CurrentLicense.of(license))
                                .seats(5)
                                .years(1)
                                .build()),
                license);

        OrderHistory first = shop.orders(OrderHistoryQuery.builder().size(2).build());
        OrderHistory second =
                shop.orders(OrderHistoryQuery.builder().size(2).page(1).build());
        assertThat(first.orders()).extracting(OrderRecord::seats).containsExactly(5, 7);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.orders()).extracting(OrderRecord::seats).containsExactly(6, 5);
        assertThat(second.hasNext()).isFalse();
        // a renewal names the product of the SKU it renews
        assertThat(first.orders().get(0).operation()).isEqualTo(Operation.RENEWAL);
        assertThat(first.orders().get(0).productName()).isEqualTo("Test Security");

        assertThat(shop.orders(OrderHistoryQuery.builder()
                                .operation(Operation.NEW)
                                .size(1)
                                .page(2)
                                .build())
                        .orders())
                .extracting(OrderRecord::seats)
                .containsExactly(5);
        assertThat(shop.orders(OrderHistoryQuery.builder()
                                .state(JournalEntry.State.REJECTED)
                                .build())
                        .orders())
                .isEmpty();
        assertThatThrownBy(() -> OrderHistoryQuery.builder().size(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderHistoryQuery.builder().page(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryWhosePayloadCannotBeReadIsLeftOutAndTheOthersStay() {
        EsetShop shop = shop("shop-a", "a");
        shop.order(
                accepted(
                        shop,
                        NewLicenseRequest.builder()
                                .product("AV")
                                .seats(6)
                                .years(1)
                                .build()),
                Fixtures.eula(),
                Fixtures.customer());
        OrderJournal journal = JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
        journal.recordPending(JournalEntry.builder()
                .key(IdempotencyKey.of("damaged"))
                .operation(Operation.NEW)
                .payload("{\"operation\":\"NEW\",\"call\":")
                .state(JournalEntry.State.PENDING)
                .createdAt(NOW.plusSeconds(1))
                .updatedAt(NOW.plusSeconds(1))
                .build());

        OrderHistory history = shop.orders(OrderHistoryQuery.newest());

        assertThat(history.orders()).extracting(OrderRecord::key).containsExactly(IdempotencyKey.of("a-1"));
    }

    @Test
    void aClosedShopReadsNoHistory() {
        EsetShop shop = shop("shop-a", "a");
        shop.close();
        assertThatThrownBy(() -> shop.orders(OrderHistoryQuery.newest())).isInstanceOf(IllegalStateException.class);
    }
}
