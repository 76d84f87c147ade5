package dev.esetshop.sdk.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.license.LicenseStore.PageOutcome;
import dev.esetshop.sdk.license.SyncCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryLicenseStoreTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");

    private final InMemoryLicenseStore store = new InMemoryLicenseStore();

    private static License license(String id, String product, LocalDate expires, boolean trial, String org) {
        return License.builder()
                .id(LicenseId.of(id)).licenseKey(Secret.of("K-" + id)).productCode(ProductCode.of(product))
                .productName(product).seats(Seats.of(5)).usedSeats(1).state(LicenseState.NORMAL).trial(trial)
                .issued(expires.minusYears(1)).expires(expires).modified(AT)
                .customer(EndCustomer.builder().organization(org).firstName("Eva").lastName("Berg")
                        .email("eva@" + org.toLowerCase() + ".example").build())
                .build();
    }

    private static SyncCursor cursor(int skip) {
        return SyncCursor.builder().nextSkip(skip).inProgress(true).build();
    }

    @Test
    void storePageCountsAddedChangedUnchangedAndKeepsTheCursor() {
        License a = license("A", "EAVB", DAY, false, "Alpha");
        License b = license("B", "EAVB", DAY, false, "Beta");
        assertThat(store.storePage(List.of(a, b), cursor(2))).isEqualTo(new PageOutcome(2, 0, 0));
        License bChanged = License.builder().from(b).usedSeats(4).build();
        assertThat(store.storePage(List.of(a, bChanged), cursor(4))).isEqualTo(new PageOutcome(0, 1, 1));
        assertThat(store.count()).isEqualTo(2);
        assertThat(store.cursor()).contains(cursor(4));
        assertThat(store.find(LicenseId.of("B"))).contains(bChanged);
    }

    @Test
    void queryFiltersSortsByExpiryThenIdAndLimits() {
        store.storePage(List.of(
                license("C", "EAVB", DAY.plusDays(3), false, "Gamma"),
                license("A", "EAVB", DAY.plusDays(3), false, "Alpha"),
                license("B", "ESB", DAY.plusDays(1), false, "Beta"),
                license("T", "EAVB", DAY.plusDays(2), true, "Trial Org"),
                license("OLD", "EAVB", DAY.minusDays(90), false, "Old")), cursor(5));

        assertThat(ids(store.query(LicenseQuery.all()))).containsExactly("OLD", "B", "T", "A", "C");
        assertThat(ids(store.query(LicenseQuery.builder().expiresOnOrAfter(DAY).includeTrials(false).build())))
                .containsExactly("B", "A", "C");
        assertThat(ids(store.query(LicenseQuery.builder().product(ProductCode.of("EAVB"))
                .expiresOnOrBefore(DAY.plusDays(2)).build()))).containsExactly("OLD", "T");
        assertThat(ids(store.query(LicenseQuery.builder().customerText("GAMMA").build()))).containsExactly("C");
        assertThat(ids(store.query(LicenseQuery.builder().customerText("eva berg").limit(2).build())))
                .containsExactly("OLD", "B");
    }

    @Test
    void forEachVisitsInIdOrder() {
        store.storePage(List.of(license("B", "EAVB", DAY, false, "B"), license("A", "EAVB", DAY, false, "A")),
                cursor(2));
        List<License> seen = new ArrayList<>();
        store.forEach(seen::add);
        assertThat(ids(seen)).containsExactly("A", "B");
    }

    private static List<String> ids(List<License> licenses) {
        return licenses.stream().map(l -> l.id().value()).toList();
    }
}
