package dev.esetshop.sdk.jdbc.internal;

import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.core.error.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database of the JDBC adapters: every unit of work in its own transaction on its own connection, committed
 * explicitly (a pool may hand out {@code autoCommit=false} connections, and the SDK never joins a caller's
 * transaction), every statement with a query timeout, the schema created or upgraded through Flyway only when its
 * version row says so, and the ESET partner each reseller's data belongs to.
 */
public final class Db {

    /** The schema version this SDK writes (eset_meta's row); {@link #ensureSchema} upgrades older ones in place. */
    public static final int SCHEMA_VERSION = 7;

    /** Where the SDK's Flyway scripts are, for the SDK's Flyway and a host's own. */
    public static final String MIGRATIONS = "classpath:db/eset-shop";

    /** The SDK's own Flyway history table, apart from a host's {@code flyway_schema_history}. */
    public static final String HISTORY_TABLE = "eset_shop_schema_history";

    /** The reseller of the one-reseller adapters, and of a single-reseller database's rows unless a host names one. */
    public static final String DEFAULT_RESELLER = "default";

    /** The default timeout of the SDK's own statements (lock waits included). */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

    /** How many connections at once {@link #migrate} needs: Flyway's lock, and the scripts. */
    static final int MIGRATION_CONNECTIONS = 2;

    /** How often {@link #migrate} tries at most, when instances starting together race for the first steps. */
    static final int MIGRATION_ATTEMPTS = 5;

    /** How often {@link #inTransactionRetryingFirstWrites} runs its work at most. */
    static final int FIRST_WRITE_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Db.class);

    private static final String VERSION_ROW = "schema_version";
    /** The eset_meta version the first reseller-scoped script (V2) writes; each later script writes one more. */
    private static final int FIRST_SCRIPTED_VERSION = 3;
    /** The Flyway baseline below every script: a schema without the SDK's tables, or with SDK 0.1's. */
    private static final String SINGLE_RESELLER_BASELINE = "0";

    private static final String NO_BASELINE = "";
    private static final String LEGACY_RESELLER_ROW = "legacy_reseller";

    /** Work in a transaction that answers a value. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs in the transaction. */
        T run(Tx tx) throws SQLException;
    }

    /** Work in a transaction that answers nothing. */
    @FunctionalInterface
    public interface Action {
        /** Runs in the transaction. */
        void run(Tx tx) throws SQLException;
    }

    // eset_meta: the schema's own settings, one row per name
    private static final String META_VALUE = "SELECT meta_value FROM eset_meta WHERE name = ?";
    private static final String META_UPDATE = "UPDATE eset_meta SET meta_value = ? WHERE name = ?";
    private static final String META_INSERT = "INSERT INTO eset_meta (name, meta_value) VALUES (?, ?)";
    private static final String META_CREATE = "CREATE TABLE IF NOT EXISTS eset_meta (name VARCHAR(64) NOT NULL"
            + " PRIMARY KEY, meta_value VARCHAR(512) NOT NULL)";

    // eset_order_journal of the single-reseller layout (SDK 0.1), before delivery tracking
    private static final String JOURNAL_ADD_DELIVERY =
            "ALTER TABLE eset_order_journal ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE";
    private static final String JOURNAL_COUNT_CONFIRMED_DELIVERED = "UPDATE eset_order_journal SET delivered_at ="
            + " updated_at WHERE state = 'CONFIRMED' AND delivered_at IS NULL";

    // eset_partner_binding: the ESET partner of each reseller's rows
    private static final String PARTNER_OF = "SELECT partner_id FROM eset_partner_binding WHERE reseller_id = ?";
    private static final String PARTNER_BIND =
            "INSERT INTO eset_partner_binding (reseller_id, partner_id) VALUES (?, ?)";

    private final DataSource dataSource;
    private final int timeoutSeconds;

    /** A database over the data source whose statements time out after {@code queryTimeout} (whole seconds, ≥ 1). */
    public Db(DataSource dataSource, Duration queryTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("the query timeout must be positive, not " + queryTimeout);
        }
        this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, queryTimeout.toSeconds()));
    }

    /** The data source (for {@code toString} only: the adapters work through this class). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs work in one transaction, committing on success and rolling back on any failure; an {@link SQLException}
     * becomes a {@link StorageException} that says what could not be done, without the driver's text.
     */
    public <T> T inTransaction(String what, Work<T> work) {
        return inTransaction(what, work, null);
    }

    /** As {@link #inTransaction(String, Work)}, for work that answers nothing. */
    public void useTransaction(String what, Action action) {
        inTransaction(what, tx -> {
            action.run(tx);
            return Boolean.TRUE;
        });
    }

    /**
     * As {@link #inTransaction(String, Work)}, but a transaction that lost a serialization race or a deadlock
     * (SQL state {@code 40001}, {@code 40P01}: PostgreSQL under REPEATABLE READ or SERIALIZABLE) answers
     * {@code onLostRace} instead of failing.
     */
    public <T> T inTransaction(String what, Work<T> work, @Nullable Supplier<T> onLostRace) {
        try {
            return attempt(work);
        } catch (SQLException e) {
            if (onLostRace != null && isLostRace(e)) {
                LOG.debug("lost a serialization race to {} (SQL state {})", what, e.getSQLState());
                return onLostRace.get();
            }
            throw failure(what, e);
        }
    }

    /**
     * As {@link #inTransaction(String, Work)}, for work that reads whether a row exists and inserts it when not
     * (the first write of a reseller's cursor, a license, a partner binding): when another transaction inserted the
     * same key in between, the insert fails as a duplicate (SQL state {@code 23505}, after waiting for the other
     * transaction to commit) and the whole work runs again in a new transaction, whose reads now see the row and
     * update it instead; so does a transaction that lost a serialization race or a deadlock to the other one
     * ({@link #isLostRace}). Dialect-neutral (no {@code MERGE} or {@code ON CONFLICT}), and a retry of the whole
     * transaction rather than of the statement, because PostgreSQL refuses every further statement of a transaction
     * once one failed. Up to {@value #FIRST_WRITE_ATTEMPTS} attempts: rows are never deleted under a running sync,
     * so each retry sees every row that made the one before fail.
     */
    public <T> T inTransactionRetryingFirstWrites(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(work);
            } catch (SQLException e) {
                if (!(Sql.isDuplicateKey(e) || isLostRace(e)) || attempt == FIRST_WRITE_ATTEMPTS) {
                    throw failure(what, e);
                }
                LOG.debug("another shop wrote the same rows first; trying to {} again", what);
            }
        }
    }

    /**
     * Runs the work in one transaction on a connection of its own, committed on success, rolled back on failure, at
     * READ COMMITTED whatever the pool's default: the adapters' conditional updates are written for it (a writer that
     * waited for another's row lock re-checks its condition on the committed row and goes on), where REPEATABLE READ
     * or SERIALIZABLE would fail them as serialization failures. The connection goes back to the pool as it came.
     */
    private <T> T attempt(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            boolean pinned = isolation != Connection.TRANSACTION_READ_COMMITTED;
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                if (pinned) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                T result = work.run(new Tx(connection, timeoutSeconds));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                if (pinned) {
                    connection.setTransactionIsolation(isolation);
                }
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /**
     * Applies the SDK's Flyway scripts ({@value #MIGRATIONS}) when the version row is missing or older; a database at
     * the current version sees only one {@code SELECT} (DDL would take an exclusive lock on PostgreSQL while any
     * transaction is open). A database of the single-reseller layout is migrated in place, its rows going to the
     * reseller {@link #migrate(String)} names ({@code default} here).
     *
     * @param managedByHost true when the host applies the scripts itself: an older schema is then an error
     */
    public void ensureSchema(boolean managedByHost) {
        Optional<Integer> version = schemaVersion();
        if (version.isPresent() && version.get() >= SCHEMA_VERSION) {
            if (version.get() > SCHEMA_VERSION) {
                LOG.warn("the database's schema version {} is newer than this SDK's {}", version.get(), SCHEMA_VERSION);
            }
            return;
        }
        if (managedByHost) {
            throw new StorageException("The eset-shop tables are at schema version "
                    + version.map(String::valueOf).orElse("none") + ", this SDK needs " + SCHEMA_VERSION
                    + ": apply the scripts at "
                    + MIGRATIONS + " with the host's Flyway, or let the SDK apply them.");
        }
        migrate(DEFAULT_RESELLER);
    }

    /** The version in the eset_meta row, empty when there is none. */
    public Optional<Integer> schemaVersion() {
        return inTransaction("read the schema version", tx -> {
            if (!Sql.tableExists(tx.connection(), "eset_meta")) {
                return Optional.<Integer>empty();
            }
            return value(tx, VERSION_ROW).map(Integer::valueOf);
        });
    }

    /**
     * Runs the SDK's Flyway scripts, its history in {@value #HISTORY_TABLE}. A database of the single-reseller layout
     * (SDK 0.1, no history table yet) is prepared first: its journal gains the delivery column with its confirmed
     * entries counted delivered, and its rows are assigned to {@code ownerOfSingleResellerRows}. A database whose
     * scripts were applied without that history table (by a host's Flyway, recorded in its own
     * {@code flyway_schema_history}) gets the history table baselined at the script its {@code eset_meta} version
     * says was applied last, so only the later scripts run. Instances that start
     * together may all call this: one that fails while another migrates tries again (up to
     * {@value #MIGRATION_ATTEMPTS} times) and returns as soon as the database is current.
     */
    public void migrate(String ownerOfSingleResellerRows) {
        Objects.requireNonNull(ownerOfSingleResellerRows, "ownerOfSingleResellerRows");
        requireConnectionsForMigration();
        for (int attempt = 1; ; attempt++) {
            try {
                migrateOnce(ownerOfSingleResellerRows);
                return;
            } catch (StorageException e) {
                // Instances starting together race to create Flyway's history table or to prepare a single-reseller
                // database (a duplicate row or column, a table created twice); Flyway's own lock serializes the
                // scripts themselves. The loser finds the work done, or done further, on its next attempt.
                if (isCurrent()) {
                    LOG.debug("another instance migrated the database at the same time");
                    return;
                }
                if (attempt == MIGRATION_ATTEMPTS) {
                    throw e;
                }
                LOG.info(
                        "could not migrate the database, another instance may be migrating it at the same time;"
                                + " trying again ({} of {})",
                        attempt + 1,
                        MIGRATION_ATTEMPTS);
            }
        }
    }

    /**
     * Flyway holds one connection for its lock while it runs the scripts on another: a pool that cannot give two at
     * once would make it wait for itself until the pool's timeout, and fail with a message about connecting. This
     * asks for the second connection while holding the first, and refuses the start saying what is needed instead.
     * Everything else the SDK does needs one connection at a time, so a pool of one serves a current database.
     */
    private void requireConnectionsForMigration() {
        try (Connection first = dataSource.getConnection()) {
            try {
                dataSource.getConnection().close();
                LOG.debug(
                        "the pool gives a second connection while holding {}",
                        first.getClass().getSimpleName());
            } catch (SQLException | RuntimeException tooFew) {
                throw new StorageException("Creating or upgrading the eset-shop tables needs "
                        + MIGRATION_CONNECTIONS + " connections at once (Flyway's lock and its scripts), and the"
                        + " data source gave only one. Give it a pool of at least " + MIGRATION_CONNECTIONS
                        + " connections for the start (a pool of one serves a current database), or apply the"
                        + " scripts with the host's Flyway and use Schema.MANAGED_BY_HOST.");
            }
        } catch (SQLException e) {
            throw failure("open a connection to create or upgrade the eset-shop tables", e);
        }
    }

    private boolean isCurrent() {
        try {
            return schemaVersion().filter(version -> version >= SCHEMA_VERSION).isPresent();
        } catch (StorageException unreachable) {
            return false;
        }
    }

    private void migrateOnce(String ownerOfSingleResellerRows) {
        String baseline = inTransaction("prepare the database for migration", tx -> {
            Connection connection = tx.connection();
            boolean hasHistory = Sql.tableExists(connection, HISTORY_TABLE);
            boolean hasLicenses = Sql.tableExists(connection, "eset_license");
            boolean hasJournal = Sql.tableExists(connection, "eset_order_journal");
            if (hasHistory || !(hasLicenses || hasJournal)) {
                return NO_BASELINE;
            }
            Optional<Integer> applied = Sql.tableExists(connection, "eset_meta")
                    ? value(tx, VERSION_ROW).map(Integer::valueOf)
                    : Optional.empty();
            if (applied.isPresent() && applied.get() >= FIRST_SCRIPTED_VERSION) {
                // applied by another Flyway: script V(n - 1) leaves eset_meta at version n
                return String.valueOf(applied.get() - 1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(timeoutSeconds);
                if (hasJournal && !Sql.columnExists(connection, "eset_order_journal", "delivered_at")) {
                    // the journal predates delivery tracking: whether its confirmed orders' listeners ran is unknown,
                    // and sending every past confirmation again would flood the customers, so they count as delivered
                    statement.execute(JOURNAL_ADD_DELIVERY);
                    LOG.info(
                            "order journal upgraded: {} earlier confirmations counted as delivered",
                            statement.executeUpdate(JOURNAL_COUNT_CONFIRMED_DELIVERED));
                }
                statement.execute(META_CREATE);
            }
            put(tx, LEGACY_RESELLER_ROW, ownerOfSingleResellerRows);
            return SINGLE_RESELLER_BASELINE;
        });
        boolean singleReseller = baseline.equals(SINGLE_RESELLER_BASELINE);
        try {
            Flyway.configure(Db.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    // a schema holding the host's tables, or the single-reseller ones, gets the scripts from V1 on;
                    // one whose scripts another Flyway applied, those after the last it applied
                    .baselineOnMigrate(true)
                    .baselineVersion(baseline.equals(NO_BASELINE) ? SINGLE_RESELLER_BASELINE : baseline)
                    .placeholderReplacement(false)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException(
                    "Could not create or upgrade the eset-shop tables ("
                            + e.getClass().getSimpleName()
                            + "). Check that the database is reachable and the user may create tables,"
                            + " then retry.",
                    Sql.redactedMigrationFailure(e));
        }
        LOG.info(
                "eset-shop schema at version {}{}",
                SCHEMA_VERSION,
                singleReseller ? "; the single-reseller rows now belong to reseller " + ownerOfSingleResellerRows : "");
    }

    /**
     * Binds a reseller's rows to an ESET partner on first use, and refuses another one after.
     *
     * @throws PartnerMismatchException when the reseller's rows belong to another partner
     */
    public void bindPartner(String what, String reseller, String partnerId) {
        Objects.requireNonNull(partnerId, "partnerId");
        // two shops binding at once: the loser's insert fails as a duplicate, and its retry reads the winner's row
        String stored = inTransactionRetryingFirstWrites("bind the " + what + " to its ESET partner", tx -> {
            Optional<String> existing = tx.first(PARTNER_OF, b -> b.string(reseller), row -> row.string("partner_id"));
            if (existing.isPresent()) {
                return existing.get();
            }
            tx.update(PARTNER_BIND, b -> b.string(reseller).string(partnerId));
            return partnerId;
        });
        if (!stored.equals(partnerId)) {
            throw new PartnerMismatchException(what, stored, partnerId);
        }
    }

    private static Optional<String> value(Tx tx, String name) throws SQLException {
        return tx.first(META_VALUE, b -> b.string(name), row -> row.string("meta_value"));
    }

    private static void put(Tx tx, String name, String value) throws SQLException {
        if (tx.update(META_UPDATE, b -> b.string(value).string(name)) != 1) {
            tx.update(META_INSERT, b -> b.string(name).string(value));
        }
    }

    /** True for a transaction that lost a serialization race or a deadlock and may simply be tried again. */
    public static boolean isLostRace(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** A storage failure with the SQL state and vendor code, never the driver's text (it may quote a key). */
    public static StorageException failure(String what, SQLException cause) {
        return new StorageException(
                "Could not " + what + " (SQL state " + cause.getSQLState() + ", vendor code " + cause.getErrorCode()
                        + "). Check that the database is reachable and writable, then retry.",
                Sql.redacted(cause));
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(Sql.redacted(rollbackFailure));
        }
    }
}
