package dev.esetshop.sdk.jdbc;

import static dev.esetshop.sdk.jdbc.SampleLicenses.license;
import static dev.esetshop.sdk.jdbc.SampleLicenses.licenses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.license.LicenseStore.PageOutcome;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.testkit.FaultyDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcLicenseStoreTest {

    private static final SyncCursor FIRST_PAGE = SyncCursor.builder()
            .nextSkip(100)
            .inProgress(true)
            .highWater(Instant.parse("2026-06-01T10:00:00.123456Z"))
            .build();

    private DataSource dataSource;
    private JdbcLicenseStore store;

    /** A fresh, empty database for one test: H2 here, PostgreSQL in the subclass that runs every test there too. */
    DataSource newDatabase() {
        return TestDatabases.h2("licenses");
    }

    @BeforeEach
    void freshDatabase() {
        dataSource = newDatabase();
        store = JdbcLicenseStore.create(dataSource, JdbcStorage.DEFAULT_RESELLER);
    }

    @Test
    void twoResellersSharingLicenseIdsNeverSeeEachOthersRows() {
        JdbcLicenseStore acme = JdbcLicenseStore.create(dataSource, ResellerId.of("ACME-1"));
        JdbcLicenseStore zeta = JdbcLicenseStore.create(dataSource, ResellerId.of("ZETA-2"));
        List<License> acmeBook = licenses(0, 30);
        // the same license ids, other customers: ESET ids are unique per partner, not across a marketplace
        List<License> zetaBook = licenses(10, 30).stream()
                .map(license -> License.builder()
                        .from(license)
                        .customer(EndCustomer.builder()
                                .from(license.customer())
                                .organization("Zeta Kunde")
                                .build())
                        .build())
                .toList();
        SyncCursor zetaCursor =
                SyncCursor.builder().nextSkip(7).inProgress(true).build();

        acme.storePage(acmeBook, FIRST_PAGE);
        PageOutcome zetaOutcome = zeta.storePage(zetaBook, zetaCursor);
        acme.bindPartner("P-ACME");
        zeta.bindPartner("P-ZETA");

        assertThat(zetaOutcome).isEqualTo(new PageOutcome(20, 0, 0));
        assertThat(acme.count()).isEqualTo(30);
        assertThat(zeta.count()).isEqualTo(20);
        assertThat(store.count()).isZero();
        assertThat(acme.cursor()).contains(FIRST_PAGE);
        assertThat(zeta.cursor()).contains(zetaCursor);
        assertThat(store.cursor()).isEmpty();
        License shared = zetaBook.get(0);
        assertThat(acme.find(shared.id()).orElseThrow().customer().organization())
                .isNotEqualTo("Zeta Kunde");
        assertThat(zeta.find(shared.id()).orElseThrow().customer().organization())
                .isEqualTo("Zeta Kunde");
        assertThat(zeta.query(LicenseQuery.all()))
                .hasSize(20)
                .allSatisfy(
                        license -> assertThat(license.customer().organization()).isEqualTo("Zeta Kunde"));
        assertThat(acme.query(LicenseQuery.builder().customerText("Zeta").build()))
                .isEmpty();
        List<License> walked = new ArrayList<>();
        zeta.forEach(walked::add);
        assertThat(walked).hasSize(20);
        assertThat(zeta.find(acmeBook.get(0).id())).isEmpty();
        // each reseller is bound to its own ESET partner; neither binding touches the other
        acme.bindPartner("P-ACME");
        assertThatThrownBy(() -> zeta.bindPartner("P-ACME"))
                .isInstanceOf(dev.esetshop.core.error.PartnerMismatchException.class);
    }

    @Test
    void aPageThatFailsLeavesRowsAndCursorAsTheyWere() {
        FaultyDataSource failing = FaultyDataSource.around(dataSource).failWithState("53100");
        JdbcLicenseStore flaky = JdbcLicenseStore.create(failing, JdbcStorage.DEFAULT_RESELLER);
        flaky.storePage(licenses(0, 10), FIRST_PAGE);
        List<License> before = flaky.query(LicenseQuery.all());
        List<License> nextPage = new ArrayList<>(licenses(5, 30));
        nextPage.set(
                0,
                License.builder()
                        .from(nextPage.get(0))
                        .usedSeats(0)
                        .productName("changed")
                        .build());
        failing.failStatementsContaining("eset_sync_cursor");

        assertThatThrownBy(() -> flaky.storePage(
                        nextPage,
                        SyncCursor.builder().from(FIRST_PAGE).nextSkip(200).build()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("store a page of 25 licenses")
                .hasMessageContaining("53100")
                .satisfies(e -> nextPage.forEach(license -> assertThat(e.getMessage())
                        .doesNotContain(license.licenseKey().reveal())));

        assertThat(store.count()).isEqualTo(10);
        assertThat(store.query(LicenseQuery.all())).isEqualTo(before);
        assertThat(store.cursor()).contains(FIRST_PAGE);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAStorageErrorThatSaysWhatFailed() {
        DataSource nowhere = JdbcStorage.url("jdbc:nosuchdriver:anywhere");

        assertThatThrownBy(() -> JdbcLicenseStore.create(nowhere, JdbcStorage.DEFAULT_RESELLER))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("read the schema version")
                .hasMessageContaining("Check that the database is reachable");
    }

    @Test
    void toStringShowsNoLicenseKey() {
        store.storePage(licenses(0, 1), FIRST_PAGE);

        assertThat(store.toString()).startsWith("JdbcLicenseStore[").doesNotContain("KEY-");
        assertThat(store.find(license(0).id()).orElseThrow().toString())
                .doesNotContain(license(0).licenseKey().reveal());
    }

    @Test
    void toStringShowsNoneOfTheDataSourcesText() {
        // a host's pool may print its URL, password included
        DataSource chatty = new DataSourceThatPrintsItsPassword(newDatabase());
        assertThat(JdbcLicenseStore.create(chatty, JdbcStorage.DEFAULT_RESELLER).toString())
                .doesNotContain("hunter2");
        assertThat(JdbcOrderJournal.create(chatty, JdbcStorage.DEFAULT_RESELLER).toString())
                .doesNotContain("hunter2");
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

    private static License customer(License license, String org, String first, String last, String email) {
        EndCustomer customer = EndCustomer.builder()
                .organization(org)
                .firstName(first)
                .lastName(last)
                .email(email)
                .build();
        return License.builder().from(license).customer(customer).build();
    }
}
