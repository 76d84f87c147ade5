package dev.esetshop.sdk.jdbc.internal;

import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.core.error.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database of the JDBC adapters: every unit of work in its own transaction on its own connection, committed
 * explicitly (a pool may hand out {@code autoCommit=false} connections, and the SDK never joins a caller's
 * transaction), every statement with a query timeout, the schema created or upgraded only when its version row says
 * so, and the partner the data belongs to.
 */
public final class Db {

    /** The schema version this SDK writes; {@link #ensureSchema()} upgrades older ones in place. */
    public static final int SCHEMA_VERSION = 2;

    /** The default timeout of the SDK's own statements (lock waits included). */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Db.class);

    private static final String VERSION_ROW = "schema_version";
    private static final String PARTNER_ROW = "partner_id";

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
    public <T> T inTransaction(String what, Sql.Work<T> work) {
        return inTransaction(what, work, null);
    }

    /**
     * As {@link #inTransaction(String, Sql.Work)}, but a transaction that lost a serialization race or a deadlock
     * (SQL state {@code 40001}, {@code 40P01}: PostgreSQL under REPEATABLE READ or SERIALIZABLE) answers
     * {@code onLostRace} instead of failing.
     */
    public <T> T inTransaction(String what, Sql.Work<T> work, Supplier<T> onLostRace) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            if (onLostRace != null && isLostRace(e)) {
                LOG.debug("lost a serialization race to {} (SQL state {})", what, e.getSQLState());
                return onLostRace.get();
            }
            throw failure(what, e);
        }
    }

    /** A prepared statement with the query timeout. */
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(timeoutSeconds);
        return statement;
    }

    /** A forward-only, read-only prepared statement with the query timeout. */
    public PreparedStatement prepareForwardOnly(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setQueryTimeout(timeoutSeconds);
        return statement;
    }

    /**
     * Creates or upgrades the schema when its version row is missing or older; a database at the current version
     * sees only one {@code SELECT} (DDL would take an exclusive lock on PostgreSQL while any transaction is open).
     */
    public void ensureSchema() {
        Optional<Integer> version = inTransaction("read the schema version", connection -> {
            if (!Sql.tableExists(connection, "eset_meta")) {
                return Optional.<Integer>empty();
            }
            return value(connection, VERSION_ROW).map(Integer::valueOf);
        });
        if (version.isPresent() && version.get() >= SCHEMA_VERSION) {
            if (version.get() > SCHEMA_VERSION) {
                LOG.warn("the database's schema version {} is newer than this SDK's {}", version.get(),
                        SCHEMA_VERSION);
            }
            return;
        }
        inTransaction("create or upgrade the eset-shop tables", connection -> {
            boolean journalLacksDelivery = Sql.tableExists(connection, "eset_order_journal")
                    && !Sql.columnExists(connection, "eset_order_journal", "delivered_at");
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(timeoutSeconds);
                for (String sql : Sql.schemaStatements()) {
                    statement.execute(sql);
                }
            }
            if (journalLacksDelivery) {
                // the journal predates delivery tracking: whether its confirmed orders' listeners ran is unknown, and
                // sending every past confirmation again would flood the customers, so they count as delivered
                try (PreparedStatement update = prepare(connection, "UPDATE eset_order_journal"
                        + " SET delivered_at = updated_at WHERE state = 'CONFIRMED' AND delivered_at IS NULL")) {
                    LOG.info("order journal upgraded: {} earlier confirmations counted as delivered",
                            update.executeUpdate());
                }
            }
            put(connection, VERSION_ROW, Integer.toString(SCHEMA_VERSION));
            return null;
        });
        LOG.info("eset-shop schema {} to version {}", version.isPresent() ? "upgraded" : "created", SCHEMA_VERSION);
    }

    /**
     * Binds the database to an ESET partner on first use, and refuses another one after.
     *
     * @throws PartnerMismatchException when the database belongs to another partner
     */
    public void bindPartner(String what, String partnerId) {
        Objects.requireNonNull(partnerId, "partnerId");
        String stored = inTransaction("bind the " + what + " to its ESET partner", connection -> {
            Optional<String> existing = value(connection, PARTNER_ROW);
            if (existing.isEmpty()) {
                put(connection, PARTNER_ROW, partnerId);
                return partnerId;
            }
            return existing.get();
        }, () -> null);
        if (stored == null) {
            // another shop bound it in the same instant: read what it wrote
            stored = inTransaction("read the ESET partner of the " + what,
                    connection -> value(connection, PARTNER_ROW).orElse(partnerId));
        }
        if (!stored.equals(partnerId)) {
            throw new PartnerMismatchException(what, stored, partnerId);
        }
    }

    private Optional<String> value(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = prepare(connection, "SELECT meta_value FROM eset_meta WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private void put(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement update = prepare(connection, "UPDATE eset_meta SET meta_value = ? WHERE name = ?")) {
            update.setString(1, value);
            update.setString(2, name);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = prepare(connection,
                "INSERT INTO eset_meta (name, meta_value) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    /** True for a transaction that lost a serialization race or a deadlock and may simply be tried again. */
    public static boolean isLostRace(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** A storage failure with the SQL state and vendor code, never the driver's text (it may quote a key). */
    public static StorageException failure(String what, SQLException cause) {
        return new StorageException("Could not " + what + " (SQL state " + cause.getSQLState() + ", vendor code "
                + cause.getErrorCode() + "). Check that the database is reachable and writable, then retry.",
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
