package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static dev.esetshop.sdk.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;
import dev.esetshop.testkit.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EsetShopSyncTest {

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final InMemoryLicenseStore store = new InMemoryLicenseStore();

    private EsetShop shop() {
        return EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .licenseStore(store)
                .marketplaceCustomerNumber("C-778899")
                .build();
    }

    private void seed(int count) {
        for (int i = 0; i < count; i++) {
            eset.put(Fixtures.license(
                    String.format("L-%04d", i),
                    "EAVB",
                    5 + i % 3,
                    TODAY.plusDays(i % 400 - 100),
                    i % 50 == 7,
                    NOW.minus(Duration.ofDays(30)).plusSeconds(i)));
        }
    }

    @Test
    void theFirstSyncFetchesEveryLicenseInPagesOfAHundredAndTheNextOnlyChangedOnes() {
        seed(250);
        EsetShop shop = shop();
        List<int[]> progress = new ArrayList<>();

        SyncReport first = shop.sync((done, total) -> progress.add(new int[] {done, total}));

        assertThat(first.added()).isEqualTo(250);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.resumed()).isFalse();
        assertThat(store.count()).isEqualTo(250);
        assertThat(progress).extracting(p -> p[0]).containsExactly(100, 200, 250);
        assertThat(progress).extracting(p -> p[1]).containsOnly(250);
        assertThat(eset.searchSkips).containsExactly(0, 100, 200);

        clock.advance(Duration.ofHours(1));
        License changed = License.builder()
                .from(eset.find("L-0042").orElseThrow())
                .seats(Seats.of(40))
                .modified(clock.instant())
                .build();
        eset.put(changed);
        eset.put(Fixtures.license("L-9999", "EAVB", 5, TODAY.plusDays(30), false, clock.instant()));

        SyncReport second = shop.sync();

        assertThat(second.added()).isEqualTo(1);
        assertThat(second.changed()).isEqualTo(1);
        assertThat(second.pages()).isEqualTo(1);
        assertThat(store.find(LicenseId.of("L-0042")).orElseThrow().seats().count())
                .isEqualTo(40);
        assertThat(store.count()).isEqualTo(251);

        SyncReport third = shop.sync();
        assertThat(third.added() + third.changed()).isZero();
    }

    @Test
    void malformedRecordsAreQuarantinedAndTheSyncGoesOn() {
        seed(120);
        eset.putMalformed("L-0050x", "expires is not a date: '2026-13-40'", NOW);

        SyncReport report = shop().sync();

        assertThat(report.added()).isEqualTo(120);
        assertThat(report.quarantined())
                .containsExactly(SyncReport.Quarantined.of("L-0050x", "expires is not a date: '2026-13-40'"));
        assertThat(store.cursor().orElseThrow().inProgress()).isFalse();
    }

    @Test
    void oddTextIsCleanedTooLongTextIsQuarantinedAndTheSyncAndTheReportGoOn() throws Exception {
        seed(150);
        License nul = Fixtures.license("L-0010", "EAVB", 5, TODAY.plusDays(30), false, NOW);
        eset.put(License.builder()
                .from(nul)
                .customer(dev.esetshop.core.EndCustomer.builder()
                        .from(nul.customer())
                        .organization("Null\u0000Byte GmbH")
                        .lastName("Lone\uD800Surrogate")
                        .build())
                .build());
        License wide = Fixtures.license("L-0020", "EAVB", 5, TODAY.plusDays(30), false, NOW);
        eset.put(License.builder().from(wide).productName("P".repeat(5000)).build());
        javax.sql.DataSource database =
                dev.esetshop.sdk.jdbc.JdbcStorage.h2InMemory("odd-" + java.util.UUID.randomUUID());
        dev.esetshop.sdk.jdbc.JdbcLicenseStore jdbc = dev.esetshop.sdk.jdbc.JdbcLicenseStore.create(
                database, dev.esetshop.sdk.jdbc.JdbcStorage.DEFAULT_RESELLER);
        EsetShop shop = EsetShop.builder()
                .catalog(Fixtures.CATALOG)
                .partnerApi(eset)
                .clock(clock)
                .licenseStore(jdbc)
                .build();

        SyncReport report = shop.sync();

        assertThat(report.added()).isEqualTo(149);
        assertThat(report.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.publicLicenseId()).contains("L-0020");
            assertThat(q.reason()).contains("product name");
        });
        License cleaned = jdbc.find(LicenseId.of("L-0010")).orElseThrow();
        assertThat(cleaned.customer().organization()).isEqualTo("NullByte GmbH");
        assertThat(cleaned.customer().lastName()).isEqualTo("Lone\uFFFDSurrogate");
        assertThat(jdbc.cursor().orElseThrow().inProgress()).isFalse();
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        dev.esetshop.sdk.report.LicenseReport.csv(jdbc, java.util.Locale.ENGLISH, csv);
        assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("NullByte GmbH");
    }

    @Test
    void aSyncThatFailsMidwayResumesAtTheNextPage() {
        seed(250);
        EsetShop shop = shop();
        eset.failSearchOnCall = 2;

        assertThatThrownBy(shop::sync).isInstanceOf(EsetUnavailableException.class);
        assertThat(store.count()).isEqualTo(100);
        assertThat(store.cursor().orElseThrow().inProgress()).isTrue();
        assertThat(store.cursor().orElseThrow().nextSkip()).isEqualTo(100);

        SyncReport resumed = shop.sync();

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.added()).isEqualTo(150);
        assertThat(eset.searchSkips).containsExactly(0, 100, 200);
        assertThat(store.count()).isEqualTo(250);
        assertThat(store.cursor().orElseThrow().lastCompleted()).contains(clock.instant());
    }

    @Test
    void noAccessIsATypedErrorThatSaysWhatToDo() {
        EsetShop shop = shop();
        eset.accessGranted = false;
        assertThatThrownBy(shop::sync)
                .isInstanceOf(AccessNotGrantedException.class)
                .hasMessageContaining("ask ESET to grant");
        assertThat(store.cursor()).isEmpty();
    }

    @Test
    void statusCombinesEsetWithTheMarketplaceAndTheLastSync() {
        EsetShop shop = shop();
        PartnerStatus before = shop.status();
        assertThat(before.partnerId()).isEqualTo("P-1001");
        assertThat(before.level()).isEqualTo(PartnerLevel.GOLD);
        assertThat(before.margin()).isEqualByComparingTo(new BigDecimal("0.25"));
        assertThat(before.marketplaceCustomerNumber()).contains("C-778899");
        assertThat(before.lastSync()).isEmpty();

        seed(3);
        clock.advance(Duration.ofMinutes(5));
        shop.sync();
        Instant synced = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        assertThat(shop.status().lastSync()).contains(synced);
    }

    @Test
    void renewableLicensesAreWithinTheWindowWithoutTrialsSortedByExpiry() {
        eset.put(Fixtures.license("OLD", "EAVB", 5, TODAY.minusDays(61), false, NOW));
        eset.put(Fixtures.license("EDGE", "EAVB", 5, TODAY.minusDays(60), false, NOW));
        eset.put(Fixtures.license("SOON", "EAVB", 5, TODAY.plusDays(10), false, NOW));
        eset.put(Fixtures.license("LATER", "ESB", 5, TODAY.plusDays(90), false, NOW));
        eset.put(Fixtures.license("TRIAL", "EAVB", 5, TODAY.plusDays(5), true, NOW));
        eset.put(Fixtures.license("A-SOON", "EAVB", 5, TODAY.plusDays(10), false, NOW));
        EsetShop shop = shop();
        shop.sync();

        assertThat(ids(shop.renewableLicenses(LicenseFilter.all()))).containsExactly("EDGE", "A-SOON", "SOON", "LATER");
        assertThat(ids(shop.renewableLicenses(LicenseFilter.builder()
                        .includeTrials(true)
                        .expiringWithinDays(30)
                        .build())))
                .containsExactly("EDGE", "TRIAL", "A-SOON", "SOON");
        assertThat(ids(shop.renewableLicenses(
                        LicenseFilter.builder().product(ProductCode.of("ESB")).build())))
                .containsExactly("LATER");
        assertThat(ids(shop.renewableLicenses(LicenseFilter.builder().limit(1).build())))
                .containsExactly("EDGE");
        assertThat(ids(shop.renewableLicenses(
                        LicenseFilter.builder().customerText("MUSTER").limit(2).build())))
                .containsExactly("EDGE", "A-SOON");
        assertThat(shop.license(LicenseId.of("OLD"))).isPresent();
    }

    private static List<String> ids(List<License> licenses) {
        return licenses.stream().map(l -> l.id().value()).toList();
    }
}
