package dev.esetshop.sdk.jdbc;

import static dev.esetshop.sdk.jdbc.SampleLicenses.license;
import static dev.esetshop.sdk.jdbc.SampleLicenses.licenses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.testkit.FaultyDataSource;
import dev.esetshop.sdk.license.LicenseStore.PageOutcome;
import dev.esetshop.sdk.license.SyncCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcLicenseStoreTest {

    private static final SyncCursor FIRST_PAGE = SyncCursor.builder()
            .nextSkip(100).inProgress(true).highWater(Instant.parse("2026-06-01T10:00:00.123456Z")).build();

    private DataSource dataSource;
    private JdbcLicenseStore store;

    /** A fresh, empty database for one test: H2 here, PostgreSQL in the subclass that runs every test there too. */
    DataSource newDatabase() {
        return TestDatabases.h2("licenses");
    }

    @BeforeEach
    void freshDatabase() {
        dataSource = newDatabase();
        store = JdbcLicenseStore.create(dataSource);
    }

    @Test
    void anEmptyStoreHasNoLicensesAndNoCursor() {
        assertThat(store.count()).isZero();
        assertThat(store.cursor()).isEmpty();
        assertThat(store.find(LicenseId.of("NOPE"))).isEmpty();
        assertThat(store.query(LicenseQuery.all())).isEmpty();
    }

    @Test
    void aStoredPageReadsBackFieldForFieldWithItsCursor() {
        List<License> page = licenses(0, 50);

        PageOutcome outcome = store.storePage(page, FIRST_PAGE);

        assertThat(outcome).isEqualTo(new PageOutcome(50, 0, 0));
        assertThat(store.count()).isEqualTo(50);
        assertThat(store.cursor()).contains(FIRST_PAGE);
        for (License license : page) {
            License stored = store.find(license.id()).orElseThrow();
            assertThat(stored).isEqualTo(License.builder().from(license)
                    .modified(license.modified().truncatedTo(java.time.temporal.ChronoUnit.MICROS)).build());
            assertThat(stored.licenseKey().reveal()).isEqualTo(license.licenseKey().reveal());
        }
    }

    @Test
    void storingThePageAgainCountsUnchangedAndAChangedRecordCountsChanged() {
        store.storePage(licenses(0, 20), FIRST_PAGE);
        List<License> again = new ArrayList<>(licenses(0, 20));
        License renewed = License.builder().from(again.get(3))
                .expires(again.get(3).expires().plusYears(1)).seats(Seats.of(999)).build();
        License newKey = License.builder().from(again.get(4)).licenseKey(dev.esetshop.core.Secret.of("NEW-KEY")).build();
        again.set(3, renewed);
        again.set(4, newKey);
        again.add(license(20));

        PageOutcome outcome = store.storePage(again, SyncCursor.builder().from(FIRST_PAGE).nextSkip(200).build());

        assertThat(outcome).isEqualTo(new PageOutcome(1, 2, 18));
        assertThat(store.find(renewed.id()).orElseThrow().seats()).isEqualTo(Seats.of(999));
        assertThat(store.find(newKey.id()).orElseThrow().licenseKey().reveal()).isEqualTo("NEW-KEY");
        assertThat(store.cursor().orElseThrow().nextSkip()).isEqualTo(200);
        assertThat(store.count()).isEqualTo(21);
    }

    @Test
    void theCursorIsOneRowThatEveryPageReplaces() {
        SyncCursor done = SyncCursor.builder().nextSkip(0).inProgress(false)
                .since(Instant.parse("2026-05-01T00:00:00Z")).lastCompleted(Instant.parse("2026-06-02T08:00:00Z"))
                .build();
        store.storePage(licenses(0, 3), FIRST_PAGE);
        store.storePage(List.of(), done);

        assertThat(store.cursor()).contains(done);
        assertThat(JdbcLicenseStore.create(dataSource).cursor()).contains(done);
    }

    @Test
    void aPageThatFailsLeavesRowsAndCursorAsTheyWere() {
        FaultyDataSource failing = FaultyDataSource.around(dataSource).failWithState("53100");
        JdbcLicenseStore flaky = JdbcLicenseStore.create(failing);
        flaky.storePage(licenses(0, 10), FIRST_PAGE);
        List<License> before = flaky.query(LicenseQuery.all());
        List<License> nextPage = new ArrayList<>(licenses(5, 30));
        nextPage.set(0, License.builder().from(nextPage.get(0)).usedSeats(0).productName("changed").build());
        failing.failStatementsContaining("eset_sync_cursor");

        assertThatThrownBy(() -> flaky.storePage(nextPage, SyncCursor.builder().from(FIRST_PAGE).nextSkip(200).build()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("store a page of 25 licenses")
                .hasMessageContaining("53100")
                .satisfies(e -> nextPage.forEach(license ->
                        assertThat(e.getMessage()).doesNotContain(license.licenseKey().reveal())));

        assertThat(store.count()).isEqualTo(10);
        assertThat(store.query(LicenseQuery.all())).isEqualTo(before);
        assertThat(store.cursor()).contains(FIRST_PAGE);
    }

    @Test
    void queryFiltersInSqlAndSortsByExpirationThenId() {
        List<License> all = licenses(0, 300);
        store.storePage(all, FIRST_PAGE);
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2027, 3, 1);
        Comparator<License> order = Comparator.comparing(License::expires).thenComparing(License::id);

        assertThat(ids(store.query(LicenseQuery.all()))).isEqualTo(ids(sorted(all, l -> true, order)));
        assertThat(ids(store.query(LicenseQuery.builder().expiresOnOrAfter(from).expiresOnOrBefore(to).build())))
                .isNotEmpty()
                .isEqualTo(ids(sorted(all, l -> !l.expires().isBefore(from) && !l.expires().isAfter(to), order)));
        assertThat(ids(store.query(LicenseQuery.builder().product(ProductCode.of("ESB")).build())))
                .isNotEmpty()
                .isEqualTo(ids(sorted(all, l -> l.productCode().value().equals("ESB"), order)));
        assertThat(ids(store.query(LicenseQuery.builder().includeTrials(false).build())))
                .hasSizeLessThan(all.size())
                .isEqualTo(ids(sorted(all, l -> !l.trial(), order)));
        assertThat(ids(store.query(LicenseQuery.builder().limit(7).build())))
                .isEqualTo(ids(sorted(all, l -> true, order)).subList(0, 7));
        assertThat(store.query(LicenseQuery.builder().limit(0).build())).isEmpty();
    }

    @Test
    void customerTextMatchesOrganisationNameOrEmailIgnoringCaseAndLiterally() {
        License muller = customer(license(1), "Müller KG", "Anna", "Berg", "anna@mueller.example");
        License percent = customer(license(2), "100% Security_AG", "Ben", "Car", "ben@pct.example");
        License other = customer(license(3), "Other Ltd", "Carla", "Dorn", "carla@other.example");
        store.storePage(List.of(muller, percent, other), FIRST_PAGE);

        assertThat(ids(byText("müller"))).containsExactly(muller.id());
        assertThat(ids(byText("ANNA BERG"))).containsExactly(muller.id());
        assertThat(ids(byText("dorn"))).containsExactly(other.id());
        assertThat(ids(byText("@PCT."))).containsExactly(percent.id());
        assertThat(ids(byText("0% s"))).containsExactly(percent.id());
        assertThat(ids(byText("%"))).containsExactly(percent.id());
        assertThat(ids(byText("y_a"))).containsExactly(percent.id());
        assertThat(ids(byText("_"))).containsExactly(percent.id());
        assertThat(byText("nobody")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, JdbcLicenseStore.FETCH_SIZE, 2 * JdbcLicenseStore.FETCH_SIZE, 2_345})
    void forEachVisitsEveryLicenseOnceInIdOrder(int size) {
        List<License> all = licenses(0, size);
        for (int from = 0; from < all.size(); from += 250) {
            store.storePage(all.subList(from, Math.min(size, from + 250)), SyncCursor.builder().from(FIRST_PAGE).nextSkip(from + 250).build());
        }
        List<License> seen = new ArrayList<>();

        store.forEach(seen::add);

        assertThat(seen).hasSize(size);
        assertThat(ids(seen)).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                all.stream().map(l -> License.builder().from(l)
                        .modified(l.modified().truncatedTo(java.time.temporal.ChronoUnit.MICROS)).build())
                        .collect(Collectors.toList()));
    }

    @Test
    void aPageThatListsALicenseTwiceStoresItsLastVersion() {
        License first = license(1);
        License second = License.builder().from(first).usedSeats(0).productName("renamed").build();

        PageOutcome outcome = store.storePage(List.of(first, license(2), first, second), FIRST_PAGE);

        assertThat(outcome).isEqualTo(new PageOutcome(2, 1, 1));
        assertThat(store.find(first.id()).orElseThrow().productName()).isEqualTo("renamed");
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void anExceptionOfTheActionReachesTheCallerUnwrapped() {
        store.storePage(licenses(0, 5), FIRST_PAGE);
        IllegalStateException stop = new IllegalStateException("stop");

        assertThatThrownBy(() -> store.forEach(license -> {
            throw stop;
        })).isSameAs(stop);
    }

    @Test
    void anUnknownStateAndAllOptionalFieldsSurviveTheRoundTrip() {
        License odd = License.builder().from(license(9)).state(LicenseState.of("ARCHIVED"))
                .discount(java.util.Optional.empty())
                .customer(EndCustomer.builder().from(license(9).customer())
                        .country(java.util.Optional.empty()).vatId(java.util.Optional.empty()).build()).build();

        store.storePage(List.of(odd), FIRST_PAGE);

        License stored = store.find(odd.id()).orElseThrow();
        assertThat(stored.state().raw()).isEqualTo("ARCHIVED");
        assertThat(stored.state().isKnown()).isFalse();
        assertThat(stored.discount()).isEmpty();
        assertThat(stored.customer().country()).isEmpty();
        assertThat(stored.customer().vatId()).isEmpty();
    }

    @Test
    void creatingTheStoreTwiceKeepsTheData() {
        store.storePage(licenses(0, 4), FIRST_PAGE);

        JdbcLicenseStore again = JdbcLicenseStore.create(dataSource);

        assertThat(again.count()).isEqualTo(4);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAStorageErrorThatSaysWhatFailed() {
        DataSource nowhere = JdbcStorage.url("jdbc:nosuchdriver:anywhere");

        assertThatThrownBy(() -> JdbcLicenseStore.create(nowhere))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("read the schema version")
                .hasMessageContaining("Check that the database is reachable");
    }

    @Test
    void toStringShowsNoLicenseKey() {
        store.storePage(licenses(0, 1), FIRST_PAGE);

        assertThat(store.toString()).startsWith("JdbcLicenseStore[").doesNotContain("KEY-");
        assertThat(store.find(license(0).id()).orElseThrow().toString()).doesNotContain(license(0).licenseKey().reveal());
    }

    @Test
    void toStringShowsNoneOfTheDataSourcesText() {
        // a host's pool may print its URL, password included
        DataSource chatty = new DataSourceThatPrintsItsPassword(newDatabase());
        assertThat(JdbcLicenseStore.create(chatty).toString()).doesNotContain("hunter2");
        assertThat(JdbcOrderJournal.create(chatty).toString()).doesNotContain("hunter2");
    }

    /** Prints a URL with a password, as some pools and drivers' data sources do. */
    private static final class DataSourceThatPrintsItsPassword implements DataSource {
        private final DataSource target;

        DataSourceThatPrintsItsPassword(DataSource target) {
            this.target = target;
        }

        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            return target.getConnection();
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
            return target.getConnection(user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return new java.io.PrintWriter(java.io.Writer.nullWriter());
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            throw new java.sql.SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }

        @Override
        public String toString() {
            return "DataSource[jdbc:postgresql://db/shop?user=shop&password=hunter2]";
        }
    }

    private List<License> byText(String text) {
        return store.query(LicenseQuery.builder().customerText(text).build());
    }

    private static License customer(License license, String org, String first, String last, String email) {
        EndCustomer customer = EndCustomer.builder().organization(org).firstName(first).lastName(last).email(email)
                .build();
        return License.builder().from(license).customer(customer).build();
    }

    private static List<License> sorted(List<License> all, Predicate<License> filter, Comparator<License> order) {
        return all.stream().filter(filter).sorted(order).collect(Collectors.toList());
    }

    private static List<LicenseId> ids(List<License> licenses) {
        return licenses.stream().map(License::id).collect(Collectors.toList());
    }
}
