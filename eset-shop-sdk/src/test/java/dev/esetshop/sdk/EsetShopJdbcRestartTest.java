package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.EsetShopOrderTest.Crash;
import dev.esetshop.sdk.EsetShopOrderTest.CrashingApi;
import dev.esetshop.sdk.EsetShopOrderTest.ProcessDeath;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.ForwardingPartnerApi;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A restart on the durable adapters: the second shop shares nothing with the first but the database. */
class EsetShopJdbcRestartTest {

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final DataSource database = JdbcStorage.h2InMemory("restart-" + UUID.randomUUID());
    private final List<OrderConfirmed> events = new ArrayList<>();

    @Test
    void anOrderCommittedAtEsetBeforeTheCrashIsSettledOnceByTheRestartedShop() {
        EsetShop first = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(new CrashingApi(eset, true))
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner("shop-a")
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(events::add)
                .build();
        Quote quote = ((QuoteResult.Accepted) first.quote(NewLicenseRequest.builder()
                        .product("AV")
                        .seats(9)
                        .years(2)
                        .build()))
                .quote();
        assertThatThrownBy(() -> first.order(quote, Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(Crash.class);

        clock.advance(Duration.ofMinutes(5));
        EsetShop restarted = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner("shop-b")
                .addConfirmationListener(events::add)
                .build();
        restarted.reconcile(); // as a host does at start-up

        assertThat(eset.licensesIssued).hasValue(1);
        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
        assertThat(events.get(0).lines()).hasSize(1);
        assertThat(events.get(0).streetPrice()).isEqualTo(quote.streetPrice());
        assertThat(restarted
                        .license(LicenseId.of("NEW-000001"))
                        .orElseThrow()
                        .seats()
                        .count())
                .isEqualTo(9);
        assertThat(restarted.reconcile().confirmed()).isZero();
    }

    @Test
    void aConfirmationTheDeadShopDidNotDeliverIsDeliveredOnceByTheRestartedShopFromTheLicenseBook() {
        EsetShop first = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner("shop-a")
                .idempotencyKeys(Fixtures.keys("a"))
                .addConfirmationListener(event -> {
                    throw new ProcessDeath();
                })
                .build();
        Quote quote = ((QuoteResult.Accepted) first.quote(NewLicenseRequest.builder()
                        .product("AV")
                        .seats(6)
                        .years(1)
                        .build()))
                .quote();
        assertThatThrownBy(() -> first.order(quote, Fixtures.eula(), Fixtures.customer()))
                .isInstanceOf(ProcessDeath.class);

        clock.advance(Duration.ofMinutes(5));
        // ESET is not asked: the license the dead shop stored is in the shared book
        EsetShop restarted = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(new NoLicenseDetailApi(eset))
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner("shop-b")
                .addConfirmationListener(events::add)
                .build();
        restarted.reconcile(); // as a host does at start-up

        assertThat(events).extracting(OrderConfirmed::eventId).containsExactly(Fixtures.eventId("a-1"));
        OrderConfirmed event = events.get(0);
        assertThat(event.licenseKey())
                .isEqualTo(restarted.license(event.licenseId()).orElseThrow().licenseKey());
        assertThat(event.seats()).isEqualTo(6);
        assertThat(event.streetPrice()).isEqualTo(quote.streetPrice());
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .find(IdempotencyKey.of("a-1"))
                        .orElseThrow()
                        .deliveredAt())
                .contains(clock.instant());
        ReconcileReport again = restarted.reconcile();
        assertThat(again.redelivered()).isZero();
        assertThat(again.confirmed()).isZero();
        assertThat(events).hasSize(1);
        assertThat(eset.licensesIssued).hasValue(1);
    }

    /** ESET whose license detail must not be needed. */
    static final class NoLicenseDetailApi extends ForwardingPartnerApi {
        NoLicenseDetailApi(FakeEsetApi delegate) {
            super(delegate);
        }

        @Override
        public License licenseDetail(LicenseId id) {
            throw new AssertionError("the license should have come from the license book");
        }
    }
}
