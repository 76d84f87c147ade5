package dev.esetshop.sdk.jdbc;

import static dev.esetshop.sdk.jdbc.internal.Sql.instant;
import static dev.esetshop.sdk.jdbc.internal.Sql.requiredInstant;
import static dev.esetshop.sdk.jdbc.internal.Sql.setInstant;
import static dev.esetshop.sdk.jdbc.internal.Sql.setText;
import static dev.esetshop.sdk.jdbc.internal.Sql.text;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.jdbc.internal.Sql;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order journal in a relational database over plain JDBC (H2 embedded, PostgreSQL): table
 * {@code eset_order_journal}, created on first use. A claim is one conditional {@code UPDATE} whose row count
 * decides, so shops in several processes sharing the database never claim the same entry at once. Claims and
 * releases are leases, not changes of the entry: they leave {@link JournalEntry#updatedAt()} as it was.
 */
public final class JdbcOrderJournal implements OrderJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOrderJournal.class);

    private static final String COLUMNS = "idempotency_key, operation, payload, state, created_at, updated_at,"
            + " claimed_by, claimed_until, order_number, license_id, rejection, delivered_at";

    private final DataSource dataSource;

    private JdbcOrderJournal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A journal over the data source, creating its table when it does not exist yet.
     *
     * @throws StorageException when the database cannot be reached or the table cannot be created
     */
    public static JdbcOrderJournal create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        boolean upgrading = Sql.lacksColumn(dataSource, "eset_order_journal", "delivered_at");
        Sql.createSchema(dataSource);
        if (upgrading) {
            markConfirmedDelivered(dataSource);
        }
        return new JdbcOrderJournal(dataSource);
    }

    /**
     * The journal predates delivery tracking: whether its confirmed orders' listeners ran is unknown, and sending
     * every past confirmation again would flood the customers, so they count as delivered.
     */
    private static void markConfirmedDelivered(DataSource dataSource) {
        int marked = Sql.inTransaction(dataSource, "mark the journal's earlier confirmations delivered",
                connection -> {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE eset_order_journal SET delivered_at = updated_at"
                                    + " WHERE state = 'CONFIRMED' AND delivered_at IS NULL")) {
                        return update.executeUpdate();
                    }
                });
        LOG.info("order journal upgraded: {} earlier confirmations counted as delivered", marked);
    }

    @Override
    public void recordPending(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO eset_order_journal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.key().value());
            insert.setString(2, entry.operation());
            insert.setString(3, entry.payload());
            insert.setString(4, entry.state().name());
            setInstant(insert, 5, entry.createdAt());
            setInstant(insert, 6, entry.updatedAt());
            setText(insert, 7, entry.claimedBy());
            setInstant(insert, 8, entry.claimedUntil());
            setText(insert, 9, entry.orderNumber());
            setText(insert, 10, entry.licenseId());
            setText(insert, 11, entry.rejection());
            setInstant(insert, 12, entry.deliveredAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                throw new StorageException("The order journal already has an entry with idempotency key "
                        + entry.key() + "; use a fresh key for a new order, or reconcile the existing entry.", e);
            }
            throw Sql.failure("journal the order " + entry.key() + " before sending it", e);
        }
        LOG.debug("journalled {} order {}", entry.operation(), entry.key());
    }

    @Override
    public Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a claim's lease must be positive, not " + lease);
        }
        return Sql.inTransaction(dataSource, "claim the order " + key, connection -> {
            int claimed;
            // The row count of this one statement is the lock: the database lets only one writer match the row.
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE eset_order_journal SET claimed_by = ?, claimed_until = ?"
                            + " WHERE idempotency_key = ? AND state = 'PENDING'"
                            + " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until IS NULL"
                            + " OR claimed_until < ?)")) {
                update.setString(1, owner);
                setInstant(update, 2, now.plus(lease));
                update.setString(3, key.value());
                update.setString(4, owner);
                setInstant(update, 5, now);
                claimed = update.executeUpdate();
            }
            if (claimed != 1) {
                return Optional.empty();
            }
            return find(connection, key);
        });
    }

    @Override
    public void release(IdempotencyKey key, String owner) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Sql.inTransaction(dataSource, "release the claim on order " + key, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE eset_order_journal SET claimed_by = NULL, claimed_until = NULL"
                            + " WHERE idempotency_key = ? AND claimed_by = ?")) {
                update.setString(1, key.value());
                update.setString(2, owner);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void confirm(IdempotencyKey key, String orderNumber, String licenseId, Instant at) {
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(licenseId, "licenseId");
        settle(key, JournalEntry.State.CONFIRMED, at, "order_number = ?, license_id = ?", orderNumber, licenseId);
    }

    @Override
    public void reject(IdempotencyKey key, String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        settle(key, JournalEntry.State.REJECTED, at, "rejection = ?", reason);
    }

    @Override
    public Optional<JournalEntry> find(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, key);
        } catch (SQLException e) {
            throw Sql.failure("read the journal entry of order " + key, e);
        }
    }

    @Override
    public List<JournalEntry> pending() {
        return entriesWhere("state = 'PENDING'", "read the pending orders of the journal");
    }

    @Override
    public void markDelivered(IdempotencyKey key, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Sql.inTransaction(dataSource, "mark the confirmation of order " + key + " delivered", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE eset_order_journal SET delivered_at = ?"
                            + " WHERE idempotency_key = ? AND state = 'CONFIRMED' AND delivered_at IS NULL")) {
                setInstant(update, 1, at);
                update.setString(2, key.value());
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            JournalEntry entry = find(connection, key)
                    .orElseThrow(() -> new StorageException("The order journal has no entry with idempotency key "
                            + key + " to mark delivered; was the order journalled in another database?", null));
            if (entry.state() != JournalEntry.State.CONFIRMED) {
                throw new StorageException("The order " + key + " is " + entry.state()
                        + ", not CONFIRMED: only a confirmed order has a confirmation to deliver.", null);
            }
            return null;
        });
    }

    @Override
    public List<JournalEntry> undelivered() {
        return entriesWhere("state = 'CONFIRMED' AND delivered_at IS NULL",
                "read the undelivered confirmations of the journal");
    }

    @Override
    public List<JournalEntry> latest(Optional<JournalEntry.State> state, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        String where = state.isPresent() ? " WHERE state = ?" : "";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM eset_order_journal"
                        + where + " ORDER BY created_at DESC, idempotency_key DESC")) {
            select.setMaxRows(limit);
            if (state.isPresent()) {
                select.setString(1, state.get().name());
            }
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw Sql.failure("read the latest entries of the journal", e);
        }
    }

    /** The entries matching a fixed condition of this class (never caller text), oldest first. */
    private List<JournalEntry> entriesWhere(String condition, String what) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM eset_order_journal WHERE " + condition + " ORDER BY created_at, idempotency_key");
                ResultSet rows = select.executeQuery()) {
            List<JournalEntry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(entry(rows));
            }
            return entries;
        } catch (SQLException e) {
            throw Sql.failure(what, e);
        }
    }

    @Override
    public String toString() {
        return "JdbcOrderJournal[" + dataSource + "]";
    }

    /**
     * Moves a pending entry to its final state and drops its claim. Settling it again the same way is a no-op (a
     * reconcile may learn an outcome twice); settling a missing entry or one settled the other way is an error.
     */
    private void settle(IdempotencyKey key, JournalEntry.State state, Instant at, String assignments,
            String... values) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Sql.inTransaction(dataSource, "settle the order " + key + " as " + state, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE eset_order_journal SET state = ?, "
                    + assignments + ", updated_at = ?, claimed_by = NULL, claimed_until = NULL"
                    + " WHERE idempotency_key = ? AND state = 'PENDING'")) {
                int i = 1;
                update.setString(i++, state.name());
                for (String value : values) {
                    update.setString(i++, value);
                }
                setInstant(update, i++, at);
                update.setString(i, key.value());
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            JournalEntry.State current = find(connection, key)
                    .orElseThrow(() -> new StorageException("The order journal has no entry with idempotency key "
                            + key + " to settle as " + state + "; was the order journalled in another database?",
                            null))
                    .state();
            if (current != state) {
                throw new StorageException("The order " + key + " is already settled as " + current
                        + " and cannot become " + state + "; reconcile it with ESET's order history.", null);
            }
            return null;
        });
        LOG.debug("settled order {} as {}", key, state);
    }

    private static Optional<JournalEntry> find(Connection connection, IdempotencyKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM eset_order_journal WHERE idempotency_key = ?")) {
            select.setString(1, key.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        }
    }

    private static JournalEntry entry(ResultSet row) throws SQLException {
        String key = row.getString("idempotency_key");
        try {
            return JournalEntry.builder()
                    .key(IdempotencyKey.of(key))
                    .operation(row.getString("operation"))
                    .payload(row.getString("payload"))
                    .state(JournalEntry.State.valueOf(row.getString("state")))
                    .createdAt(requiredInstant(row, "created_at"))
                    .updatedAt(requiredInstant(row, "updated_at"))
                    .claimedBy(text(row, "claimed_by"))
                    .claimedUntil(instant(row, "claimed_until"))
                    .orderNumber(text(row, "order_number"))
                    .licenseId(text(row, "license_id"))
                    .rejection(text(row, "rejection"))
                    .deliveredAt(instant(row, "delivered_at"))
                    .build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StorageException("The journal entry " + key + " is not valid: " + e.getMessage(), e);
        }
    }
}
