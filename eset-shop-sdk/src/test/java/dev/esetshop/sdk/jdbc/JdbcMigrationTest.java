package dev.esetshop.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.order.JournalEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema through Flyway: a fresh database, one of the single-reseller layout, and a host that applies it. */
class JdbcMigrationTest {

    private static final ResellerId ACME = ResellerId.of("ACME-1");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DataSource database;

    /** A fresh, empty database for one test: H2 here, PostgreSQL in the subclass. */
    DataSource newDatabase() {
        return TestDatabases.h2("migration");
    }

    @BeforeEach
    void freshDatabase() {
        database = newDatabase();
    }

    @Test
    void aSingleResellerDatabaseIsMigratedInPlaceItsRowsGoingToTheResellerTheHostNames() throws Exception {
        singleResellerSchemaVersion2();
        execute(
                "INSERT INTO eset_meta (name, meta_value) VALUES ('schema_version', '2')",
                "INSERT INTO eset_meta (name, meta_value) VALUES ('partner_id', 'P-OLD')",
                "INSERT INTO eset_license (id, license_key, product, product_name, seats, used_seats, state, trial,"
                        + " issued, expires, modified, organization, first_name, last_name, email, order_number)"
                        + " VALUES ('3AB-7KQ-XD2', 'AAAA-BBBB', 'EAVB', 'ESET PROTECT Entry', 5, 1, 'NORMAL', FALSE,"
                        + " DATE '2025-01-01', DATE '2027-01-01', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00',"
                        + " 'Old GmbH', 'Ada', 'Alt', 'ada@old.example', 'ORD-1')",
                "INSERT INTO eset_sync_cursor (id, next_skip, in_progress, last_completed) VALUES (1, 0, FALSE,"
                        + " TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00')",
                "INSERT INTO eset_order_journal (idempotency_key, operation, payload, state, created_at, updated_at)"
                        + " VALUES ('old-order', 'NEW', '{}', 'PENDING',"
                        + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00',"
                        + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00')");

        JdbcStorage.migrate(database, ACME);

        JdbcLicenseStore acmeBook = JdbcLicenseStore.create(database, ACME);
        JdbcOrderJournal acmeJournal = JdbcOrderJournal.create(database, ACME);
        assertThat(acmeBook.find(LicenseId.of("3AB-7KQ-XD2")).orElseThrow().orderNumber())
                .contains("ORD-1");
        assertThat(acmeBook.cursor().flatMap(SyncCursor::lastCompleted))
                .contains(Instant.parse("2026-01-02T10:00:00Z"));
        assertThat(acmeJournal.pending()).extracting(JournalEntry::key).containsExactly(IdempotencyKey.of("old-order"));
        acmeBook.bindPartner("P-OLD");
        assertThatThrownBy(() -> acmeJournal.bindPartner("P-OTHER")).isInstanceOf(PartnerMismatchException.class);
        JdbcLicenseStore defaultBook = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
        assertThat(defaultBook.count()).isZero();
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .pending())
                .isEmpty();
        defaultBook.bindPartner("P-OTHER");
        assertThat(metaVersion()).isEqualTo(String.valueOf(Db.SCHEMA_VERSION));
        assertThat(historyRows()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFreshDatabaseGetsTheTablesOnFirstUseAndAnotherStartFindsThemCurrent() throws Exception {
        JdbcLicenseStore.create(database, ACME);
        int applied = historyRows();

        JdbcOrderJournal.create(database, ACME);
        JdbcStorage.migrate(database, ACME);

        assertThat(historyRows()).isEqualTo(applied).isGreaterThanOrEqualTo(2);
        assertThat(metaVersion()).isEqualTo(String.valueOf(Db.SCHEMA_VERSION));
    }

    @Test
    void aHostThatManagesTheSchemaGetsAnErrorUntilItAppliesTheScriptsWithItsOwnFlyway() {
        assertThatThrownBy(() -> JdbcLicenseStore.create(
                        database, ACME, new JdbcOptions(TIMEOUT, JdbcStorage.Schema.MANAGED_BY_HOST)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(JdbcStorage.MIGRATIONS_LOCATION);

        // the host's Flyway, its own history table, the SDK's location among its own
        Flyway.configure(getClass().getClassLoader())
                .dataSource(database)
                .locations(JdbcStorage.MIGRATIONS_LOCATION)
                .load()
                .migrate();

        JdbcOrderJournal journal =
                JdbcOrderJournal.create(database, ACME, new JdbcOptions(TIMEOUT, JdbcStorage.Schema.MANAGED_BY_HOST));
        assertThat(journal.pending()).isEmpty();
        assertThat(JdbcLicenseStore.create(database, ACME, new JdbcOptions(TIMEOUT, JdbcStorage.Schema.MANAGED_BY_HOST))
                        .count())
                .isZero();
    }

    /**
     * A migration that fails on a stored value (a 0.1 license key wider than the new column) fails with a storage
     * error whose whole chain shows neither the value nor the statement: Flyway's text is withheld as the driver's.
     */
    @Test
    void aFailedMigrationShowsNeitherTheStoredValuesNorTheStatements() throws Exception {
        singleResellerSchemaVersion2();
        String key = "S3CRETKEY".repeat(70);
        execute(
                "ALTER TABLE eset_license ALTER COLUMN license_key SET DATA TYPE VARCHAR(1000)",
                "INSERT INTO eset_meta (name, meta_value) VALUES ('schema_version', '2')",
                "INSERT INTO eset_license (id, license_key, product, product_name, seats, used_seats, state, trial,"
                        + " issued, expires, modified, organization, first_name, last_name, email)"
                        + " VALUES ('3AB-7KQ-XD2', '" + key + "', 'EAVB', 'ESET PROTECT Entry', 5, 1, 'NORMAL',"
                        + " FALSE, DATE '2025-01-01', DATE '2027-01-01',"
                        + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00', 'Old GmbH', 'Ada', 'Alt',"
                        + " 'ada@old.example')");

        assertThatThrownBy(() -> JdbcStorage.migrate(database, ACME))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Could not create or upgrade the eset-shop tables")
                .satisfies(failure -> assertThat(JdbcStorageTest.stackTrace(failure))
                        .contains("message withheld")
                        .doesNotContain("S3CRETKEY")
                        .doesNotContainIgnoringCase("INSERT INTO eset_license_by_reseller"));
    }

    /** The databases instances start on together. */
    enum Start {
        NEW,
        CURRENT,
        SINGLE_RESELLER
    }

    /** How many times four instances start together on each kind of database. */
    int startRounds() {
        return 5;
    }

    /**
     * Four instances start together (a barrier releases them at once), twenty times on PostgreSQL, on a new database,
     * a current one and one of SDK 0.1: every start succeeds, and the 0.1 rows end up once each in the new layout.
     */
    @ParameterizedTest
    @EnumSource(Start.class)
    void instancesStartingTogetherAllStart(Start kind) throws Exception {
        int instances = 4;
        int failures = 0;
        List<String> failed = new ArrayList<>();
        ExecutorService starts = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < startRounds(); round++) {
                DataSource before = database;
                database = newDatabase();
                close(before);
                if (kind == Start.CURRENT) {
                    JdbcStorage.migrate(database, ACME);
                } else if (kind == Start.SINGLE_RESELLER) {
                    singleResellerSchemaVersion2();
                    execute(
                            "INSERT INTO eset_meta (name, meta_value) VALUES ('schema_version', '2')",
                            "INSERT INTO eset_order_journal (idempotency_key, operation, payload, state, created_at,"
                                    + " updated_at) VALUES ('old-order', 'NEW', '{}', 'PENDING',"
                                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00',"
                                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00')");
                }
                CyclicBarrier together = new CyclicBarrier(instances);
                DataSource shared = database;
                List<Future<?>> started = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    started.add(starts.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return JdbcOrderJournal.create(shared, JdbcStorage.DEFAULT_RESELLER)
                                .pending()
                                .size();
                    }));
                }
                for (Future<?> start : started) {
                    try {
                        start.get(120, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        failures++;
                        failed.add(kind + " round " + round + ": " + e.getCause());
                    }
                }
                assertThat(metaVersion()).isEqualTo(String.valueOf(Db.SCHEMA_VERSION));
                if (kind == Start.SINGLE_RESELLER) {
                    assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                                    .pending())
                            .extracting(JournalEntry::key)
                            .containsExactly(IdempotencyKey.of("old-order"));
                }
            }
        } finally {
            starts.shutdownNow();
        }
        assertThat(failed).as("%d failed starts", failures).isEmpty();
    }

    private static void close(DataSource dataSource) throws Exception {
        if (dataSource instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Test
    void aDatabaseWhoseScriptsTheHostsFlywayRecordedInItsOwnHistoryUpgradesFromTheNextScriptOnly() throws Exception {
        // the earlier README's recipe: the host's Flyway applied the SDK's scripts, in its flyway_schema_history
        Flyway.configure(getClass().getClassLoader())
                .dataSource(database)
                .locations(JdbcStorage.MIGRATIONS_LOCATION)
                .load()
                .migrate();
        JdbcOrderJournal.create(database, ACME, new JdbcOptions(TIMEOUT, JdbcStorage.Schema.MANAGED_BY_HOST))
                .recordPending(JournalEntry.builder()
                        .key(IdempotencyKey.of("kept"))
                        .operation(dev.esetshop.core.Operation.NEW)
                        .payload("{}")
                        .state(JournalEntry.State.PENDING)
                        .createdAt(Instant.parse("2026-01-01T10:00:00Z"))
                        .updatedAt(Instant.parse("2026-01-01T10:00:00Z"))
                        .build());

        JdbcStorage.migrate(database, ACME);

        // the SDK's own history starts at the last script the host's Flyway applied: none runs twice
        assertThat(sdkHistory()).containsExactly((Db.SCHEMA_VERSION - 1) + ":BASELINE");
        assertThat(JdbcOrderJournal.create(database, ACME).pending())
                .extracting(JournalEntry::key)
                .containsExactly(IdempotencyKey.of("kept"));
        assertThat(metaVersion()).isEqualTo(String.valueOf(Db.SCHEMA_VERSION));
        // a later script (another SDK version's) runs once, from the SDK's history
        Flyway.configure(getClass().getClassLoader())
                .dataSource(database)
                .table(JdbcStorage.HISTORY_TABLE)
                .locations(JdbcStorage.MIGRATIONS_LOCATION, "classpath:db/eset-shop-later")
                .load()
                .migrate();
        assertThat(sdkHistory()).containsExactly((Db.SCHEMA_VERSION - 1) + ":BASELINE", "900:SQL");
    }

    /** The tables of SDK 0.1 at its schema version 2: the first script is that layout, unchanged. */
    private void singleResellerSchemaVersion2() throws IOException, SQLException {
        String script;
        try (InputStream in = JdbcStorage.class.getResourceAsStream("/db/eset-shop/V1__single_reseller_tables.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            withoutComments
                    .append(line.contains("--") ? line.substring(0, line.indexOf("--")) : line)
                    .append('\n');
        }
        for (String statement : withoutComments.toString().split(";")) {
            if (!statement.isBlank()) {
                execute(statement);
            }
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String metaVersion() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT meta_value FROM eset_meta WHERE name = 'schema_version'")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    /** The SDK's history by version and type, without Flyway's own markers (rows of no version). */
    private java.util.List<String> sdkHistory() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\", \"type\" FROM \""
                        + JdbcStorage.HISTORY_TABLE + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            java.util.List<String> history = new java.util.ArrayList<>();
            while (rows.next()) {
                history.add(rows.getString(1) + ":" + rows.getString(2));
            }
            return history;
        }
    }

    private int historyRows() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + JdbcStorage.HISTORY_TABLE + "\"")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
