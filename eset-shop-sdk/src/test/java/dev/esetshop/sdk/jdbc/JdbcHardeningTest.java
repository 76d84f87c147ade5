package dev.esetshop.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.FaultyDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, items 10, 11 and 13, and the in-place upgrade of a version 1 database. */
class JdbcHardeningTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final SyncCursor CURSOR =
            SyncCursor.builder().nextSkip(0).inProgress(false).build();

    private final DataSource database = JdbcStorage.h2InMemory("hardening-" + UUID.randomUUID());

    @Test
    void item10AFailingInsertNeverCarriesTheLicenseKeyInItsExceptionChain() {
        JdbcLicenseStore store = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
        String key = "SECRET-" + "K".repeat(600);
        License tooLong = License.builder()
                .from(SampleLicenses.license(1))
                .licenseKey(Secret.of(key))
                .build();

        assertThatThrownBy(() -> store.storePage(List.of(tooLong), CURSOR))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> {
                    for (String text : everyText(e)) {
                        assertThat(text).doesNotContain("SECRET-KKKK");
                    }
                    assertThat(e.getMessage()).contains("SQL state 22001");
                });
    }

    @Test
    void item11AnH2PathCannotCarrySettingsSuchAsInit(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("pwned");
        Path hostile = dir.resolve("shop;INIT=CREATE TABLE IF NOT EXISTS pwned_marker(x INT)");

        assertThatThrownBy(() -> JdbcStorage.h2(hostile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("';'");
        assertThat(Files.exists(marker)).isFalse();
        try (var stream = Files.list(dir)) {
            assertThat(stream.toList()).isEmpty();
        }
        assertThat(JdbcStorage.h2(dir.resolve("plain shop"))).isNotNull();
    }

    @Test
    void item13AStoreAtTheCurrentVersionRunsNoDdlOnStart() {
        JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
        JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
        FaultyDataSource recording = FaultyDataSource.around(database);

        JdbcLicenseStore.create(recording, JdbcStorage.DEFAULT_RESELLER);
        JdbcOrderJournal.create(recording, JdbcStorage.DEFAULT_RESELLER);

        assertThat(recording.executedSql())
                .isNotEmpty()
                .allSatisfy(sql -> assertThat(sql.strip().toUpperCase(Locale.ROOT))
                        .doesNotStartWith("CREATE")
                        .doesNotStartWith("ALTER"));
    }

    @Test
    void item13EveryStatementOfTheAdaptersHasAQueryTimeout() {
        // the schema is Flyway's work (DDL, once per database), not the adapters' statements
        JdbcStorage.migrate(database, JdbcStorage.DEFAULT_RESELLER);
        FaultyDataSource recording = FaultyDataSource.around(database);
        JdbcOrderJournal journal = JdbcOrderJournal.create(
                recording,
                JdbcStorage.DEFAULT_RESELLER,
                JdbcOptions.defaults().withQueryTimeout(Duration.ofSeconds(5)));
        JdbcLicenseStore store = JdbcLicenseStore.create(
                recording,
                JdbcStorage.DEFAULT_RESELLER,
                JdbcOptions.defaults().withQueryTimeout(Duration.ofSeconds(5)));
        IdempotencyKey key = IdempotencyKey.of("k");
        journal.recordPending(pending("k"));
        journal.claim(key, "a", T0, Duration.ofMinutes(1));
        journal.confirm(key, "a", "O-1", LicenseId.of("L-1"), T0, Duration.ofMinutes(1));
        journal.markDelivered(key, "a", T0);
        journal.pending();
        store.storePage(SampleLicenses.licenses(0, 3), CURSOR);
        store.count();
        store.forEach(license -> {});

        assertThat(recording.executedSql()).hasSizeGreaterThan(10);
        assertThat(recording.executedWithoutTimeout()).isEmpty();
    }

    @Test
    void item13AClaimThatLosesASerializationRaceIsNotClaimed() {
        FaultyDataSource racing = FaultyDataSource.around(database);
        JdbcOrderJournal journal = JdbcOrderJournal.create(racing, JdbcStorage.DEFAULT_RESELLER);
        journal.recordPending(pending("k"));
        racing.failWithState("40001").failStatementsContaining("SET claimed_by = ?, claimed_until = ?");

        assertThat(journal.claim(IdempotencyKey.of("k"), "a", T0, Duration.ofMinutes(1)))
                .isEmpty();

        racing.failWithState("40P01");
        assertThat(journal.claim(IdempotencyKey.of("k"), "a", T0, Duration.ofMinutes(1)))
                .isEmpty();
        racing.heal();
        assertThat(journal.claim(IdempotencyKey.of("k"), "a", T0, Duration.ofMinutes(1)))
                .isPresent();
    }

    @Test
    void item1EveryJournalWriteIsCommittedOnAutoCommitOffConnections() {
        FaultyDataSource pool = FaultyDataSource.around(database).autoCommitOff();
        JdbcOrderJournal journal = JdbcOrderJournal.create(pool, JdbcStorage.DEFAULT_RESELLER);
        IdempotencyKey key = IdempotencyKey.of("k");

        journal.recordPending(pending("k"));
        assertThat(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                        .find(key))
                .isPresent();
        journal.claim(key, "a", T0, Duration.ofMinutes(1));
        journal.confirm(key, "a", "O-1", LicenseId.of("L-1"), T0, Duration.ofMinutes(1));
        journal.markDelivered(key, "a", T0);

        JournalEntry entry = JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER)
                .find(key)
                .orElseThrow();
        assertThat(entry.state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(entry.deliveredAt()).contains(T0);
    }

    @Test
    void aVersion1DatabaseIsUpgradedInPlaceAndKeepsItsRows() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE eset_license (id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " license_key VARCHAR(512) NOT NULL, product VARCHAR(32) NOT NULL,"
                    + " product_name VARCHAR(512) NOT NULL, seats INTEGER NOT NULL, used_seats INTEGER NOT NULL,"
                    + " state VARCHAR(64) NOT NULL, trial BOOLEAN NOT NULL, discount VARCHAR(128),"
                    + " issued DATE NOT NULL, expires DATE NOT NULL, modified TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " organization VARCHAR(512) NOT NULL, first_name VARCHAR(256) NOT NULL,"
                    + " last_name VARCHAR(256) NOT NULL, email VARCHAR(512) NOT NULL, country VARCHAR(8),"
                    + " vat_id VARCHAR(64))");
            statement.execute("CREATE TABLE eset_sync_cursor (id INTEGER NOT NULL PRIMARY KEY,"
                    + " since_at TIMESTAMP WITH TIME ZONE, next_skip INTEGER NOT NULL,"
                    + " high_water TIMESTAMP WITH TIME ZONE, in_progress BOOLEAN NOT NULL,"
                    + " last_completed TIMESTAMP WITH TIME ZONE)");
            statement.execute("INSERT INTO eset_license VALUES ('3AB-7KQ-XD2', 'AAAA-BBBB-CCCC-DDDD-EEEE', 'EAVB',"
                    + " 'ESET PROTECT Entry', 5, 1, 'NORMAL', FALSE, NULL, DATE '2025-01-01', DATE '2027-01-01',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00', 'Old GmbH', 'Ada', 'Alt',"
                    + " 'ada@old.example', 'DE', NULL)");
        }

        JdbcLicenseStore store = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
        License wide = License.builder()
                .from(SampleLicenses.license(7))
                .orderNumber("ORD-9")
                .customer(dev.esetshop.core.EndCustomer.builder()
                        .from(SampleLicenses.license(7).customer())
                        .organization("O".repeat(900))
                        .build())
                .build();
        store.storePage(List.of(wide), CURSOR);

        assertThat(store.count()).isEqualTo(2);
        assertThat(store.find(wide.id()).orElseThrow().orderNumber()).contains("ORD-9");
        assertThat(store.find(wide.id()).orElseThrow().customer().organization())
                .hasSize(900);
        assertThat(store.find(dev.esetshop.core.LicenseId.of("3AB-7KQ-XD2"))
                        .orElseThrow()
                        .orderNumber())
                .isEmpty();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT meta_value FROM eset_meta WHERE name = 'schema_version'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(String.valueOf(Db.SCHEMA_VERSION));
        }
    }

    private static JournalEntry pending(String key) {
        return JournalEntry.builder()
                .key(IdempotencyKey.of(key))
                .operation(Operation.NEW)
                .payload("{}")
                .state(JournalEntry.State.PENDING)
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /** Every message and stack text of the throwable, its causes and suppressed throwables. */
    private static List<String> everyText(Throwable root) {
        List<String> texts = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            texts.add(String.valueOf(t));
            texts.add(String.valueOf(t.getMessage()));
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return texts;
    }
}
