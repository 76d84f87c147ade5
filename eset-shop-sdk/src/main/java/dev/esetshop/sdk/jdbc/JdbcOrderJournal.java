package dev.esetshop.sdk.jdbc;

import static dev.esetshop.sdk.jdbc.internal.Sql.instant;
import static dev.esetshop.sdk.jdbc.internal.Sql.requiredInstant;
import static dev.esetshop.sdk.jdbc.internal.Sql.setInstant;
import static dev.esetshop.sdk.jdbc.internal.Sql.setText;
import static dev.esetshop.sdk.jdbc.internal.Sql.text;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.pricing.Operation;
import dev.esetshop.sdk.internal.ClaimLeases;
import dev.esetshop.sdk.internal.ImmutableJournalEntry;
import dev.esetshop.sdk.internal.JournalPages;
import dev.esetshop.sdk.internal.JournalledLicense;
import dev.esetshop.sdk.jdbc.internal.Db;
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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reseller's order journal in a relational database over plain JDBC (H2 embedded, PostgreSQL): table
 * {@code eset_order_journal} keyed by reseller and idempotency key, created (or upgraded in place) through Flyway when
 * the schema version row says so (see {@link JdbcStorage}). Every statement filters by the journal's reseller: two
 * resellers may use the same idempotency keys in one database. A claim is one conditional {@code UPDATE} whose row
 * count decides (on PostgreSQL the row lock makes a concurrent claimer wait and then re-check the lease, so it works
 * like {@code SELECT ... FOR UPDATE} without a second round trip), so shops in several processes sharing the database
 * never claim the same entry at once. Every transaction runs at READ COMMITTED whatever the pool's default (a pool
 * set to SERIALIZABLE included), which that re-check needs; a claim that loses a deadlock is simply not claimed. Claims and releases are leases, not changes of the entry: they leave
 * {@link JournalEntry#updatedAt()} as it was. A claim is live while {@code now < claimed_until} and lapsed from {@code claimed_until}
 * on (the SQL takes it over when {@code claimed_until <= now}), the rule of {@link OrderJournal}, and only once the
 * database's clock has reached {@code claimed_until} too: a shop whose clock runs minutes ahead of the others' never
 * takes over a send that is still live on the clock every shop sharing the database reads. Instants are kept to
 * the microsecond: a stored end is a whole microsecond, so comparing it with {@code now} truncated to the microsecond
 * decides exactly as comparing it with {@code now} would.
 *
 * <p>The journal needs connections of its own: every write runs in its own transaction and is committed before the
 * method returns, whatever the data source's auto-commit setting, and it never joins a transaction of the caller (a
 * journal entry rolled back with the caller's work would leave an order sent and forgotten). Give it a data source
 * (or pool) that is not bound to the caller's transactions. Every statement has a query timeout (default
 * {@link #DEFAULT_QUERY_TIMEOUT}), and a failure never carries the driver's text, which may quote stored values.
 */
public final class JdbcOrderJournal implements OrderJournal {

    /** The default timeout of the journal's statements, lock waits included. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Db.DEFAULT_QUERY_TIMEOUT;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOrderJournal.class);

    private static final String PENDING = "state = 'PENDING'";
    private static final String UNDELIVERED = "state = 'CONFIRMED' AND delivered_at IS NULL";

    /** The query of {@link #pending()}, one parameter (the reseller); for the test of its plan. */
    static final String PENDING_SQL = openRowsSql(PENDING);

    /** The query of {@link #undelivered()}, one parameter (the reseller); for the test of its plan. */
    static final String UNDELIVERED_SQL = openRowsSql(UNDELIVERED);

    private static final String COLUMNS = "idempotency_key, operation, payload, state, created_at, updated_at,"
            + " claimed_by, claimed_until, order_number, license_id, rejection, delivered_at, eula_version,"
            + " eula_accepted_by, eula_accepted_at, license, attention";

    private final Db db;
    private final String reseller;

    private JdbcOrderJournal(Db db, ResellerId reseller) {
        this.db = db;
        this.reseller = reseller.value();
    }

    /**
     * The journal of the one reseller of a one-reseller host ({@link JdbcStorage#DEFAULT_RESELLER}), creating or
     * upgrading the tables when the schema version asks for it.
     *
     * @throws StorageException when the database cannot be reached or the table cannot be created
     */
    public static JdbcOrderJournal create(DataSource dataSource) {
        return create(dataSource, JdbcStorage.DEFAULT_RESELLER);
    }

    /** As {@link #create(DataSource)}, with the timeout of every statement (whole seconds, at least one). */
    public static JdbcOrderJournal create(DataSource dataSource, Duration queryTimeout) {
        return create(dataSource, JdbcStorage.DEFAULT_RESELLER, queryTimeout);
    }

    /**
     * The journal of one reseller in a database that any number of resellers share, creating or upgrading the tables
     * when the schema version asks for it.
     *
     * @throws StorageException when the database cannot be reached or the table cannot be created
     */
    public static JdbcOrderJournal create(DataSource dataSource, ResellerId reseller) {
        return create(dataSource, reseller, DEFAULT_QUERY_TIMEOUT);
    }

    /** As {@link #create(DataSource, ResellerId)}, with the timeout of every statement (whole seconds, ≥ 1). */
    public static JdbcOrderJournal create(DataSource dataSource, ResellerId reseller, Duration queryTimeout) {
        return create(dataSource, reseller, queryTimeout, JdbcStorage.Schema.APPLIED_BY_SDK);
    }

    /**
     * As {@link #create(DataSource, ResellerId, Duration)}; with {@link JdbcStorage.Schema#MANAGED_BY_HOST} the
     * tables are only checked, and an older schema is an error instead of being migrated.
     */
    public static JdbcOrderJournal create(
            DataSource dataSource, ResellerId reseller, Duration queryTimeout, JdbcStorage.Schema schema) {
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(schema, "schema");
        Db db = new Db(dataSource, queryTimeout);
        db.ensureSchema(schema == JdbcStorage.Schema.MANAGED_BY_HOST);
        return new JdbcOrderJournal(db, reseller);
    }

    @Override
    public void recordPending(JournalEntry entry) {
        if (!insert(entry)) {
            throw new StorageException("The order journal already has an entry with idempotency key " + entry.key()
                    + "; use a fresh key for a new order, or reconcile the existing entry.");
        }
    }

    /**
     * Inserts the entry; when another call inserted the key first (its transaction commits before the duplicate is
     * reported), nothing is written and that call's entry is answered.
     */
    @Override
    public Optional<JournalEntry> recordPendingOrFind(JournalEntry entry) {
        if (insert(entry)) {
            return Optional.empty();
        }
        return Optional.of(find(entry.key())
                .orElseThrow(() -> new StorageException("The order journal reported" + " an entry with idempotency key "
                        + entry.key() + " but has none; retry with the same key.")));
    }

    /** Inserts a new entry and commits it; false, with nothing written, when the key is taken. */
    private boolean insert(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        boolean inserted = db.inTransaction("journal the order " + entry.key() + " before sending it", connection -> {
            try (PreparedStatement insert = db.prepare(
                    connection,
                    "INSERT INTO eset_order_journal (" + COLUMNS
                            + ", reseller_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, entry.key().value());
                insert.setString(2, entry.operation().name());
                insert.setString(3, entry.payload());
                insert.setString(4, entry.state().name());
                setInstant(insert, 5, entry.createdAt());
                setInstant(insert, 6, entry.updatedAt());
                setText(insert, 7, entry.claimedBy());
                setInstant(insert, 8, entry.claimedUntil());
                setText(insert, 9, entry.orderNumber());
                setText(insert, 10, entry.licenseId().map(LicenseId::value));
                setText(insert, 11, entry.rejection());
                setInstant(insert, 12, entry.deliveredAt());
                setText(insert, 13, entry.eula().map(EulaAcceptance::version));
                setText(insert, 14, entry.eula().map(EulaAcceptance::acceptedBy));
                setInstant(insert, 15, entry.eula().map(EulaAcceptance::acceptedAt));
                setText(insert, 16, entry.license().map(JournalledLicense::toJson));
                setText(insert, 17, entry.attention());
                insert.setString(18, reseller);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    // PostgreSQL refuses every further statement of this transaction: it ends here, empty
                    connection.rollback();
                    return false;
                }
                throw e;
            }
        });
        if (inserted) {
            LOG.debug("journalled {} order {}", entry.operation(), entry.key());
        }
        return inserted;
    }

    @Override
    public Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        ClaimLeases.requirePositive("a claim's lease", lease);
        return db.inTransaction(
                "claim the order " + key,
                connection -> {
                    int claimed;
                    // The row count of this one statement is the lock: the database lets only one writer match the row.
                    try (PreparedStatement update = db.prepare(
                            connection,
                            "UPDATE eset_order_journal SET claimed_by = ?, claimed_until = ?"
                                    + " WHERE reseller_id = ? AND idempotency_key = ? AND ("
                                    + "(state = 'PENDING' AND attention IS NULL AND (claimed_by IS NULL OR claimed_by = ?"
                                    + " OR claimed_until IS NULL OR " + Sql.leaseLapsed("claimed_until") + "))"
                                    + " OR (state = 'CONFIRMED' AND delivered_at IS NULL AND (claimed_by IS NULL"
                                    + " OR claimed_until IS NULL OR " + Sql.leaseLapsed("claimed_until") + ")))")) {
                        update.setString(1, owner);
                        setInstant(update, 2, now.plus(lease));
                        update.setString(3, reseller);
                        update.setString(4, key.value());
                        update.setString(5, owner);
                        setInstant(update, 6, now);
                        setInstant(update, 7, now);
                        claimed = update.executeUpdate();
                    }
                    if (claimed != 1) {
                        return Optional.<JournalEntry>empty();
                    }
                    return find(connection, key);
                },
                Optional::empty);
    }

    @Override
    public void release(IdempotencyKey key, String owner) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        db.inTransaction("release the claim on order " + key, connection -> {
            try (PreparedStatement update = db.prepare(
                    connection,
                    "UPDATE eset_order_journal SET claimed_by = NULL, claimed_until = NULL"
                            + " WHERE reseller_id = ? AND idempotency_key = ? AND claimed_by = ?")) {
                update.setString(1, reseller);
                update.setString(2, key.value());
                update.setString(3, owner);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public boolean confirm(
            IdempotencyKey key,
            String owner,
            String orderNumber,
            LicenseId licenseId,
            Instant at,
            Duration deliveryLease) {
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(licenseId, "licenseId");
        ClaimLeases.requirePositive("a confirmation's delivery lease", deliveryLease);
        return settle(
                key,
                owner,
                JournalEntry.State.CONFIRMED,
                at,
                "order_number = ?, license_id = ?, claimed_until = ?",
                orderNumber,
                licenseId.value(),
                at.plus(deliveryLease));
    }

    @Override
    public boolean confirm(
            IdempotencyKey key, String owner, String orderNumber, License license, Instant at, Duration deliveryLease) {
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(license, "license");
        ClaimLeases.requirePositive("a confirmation's delivery lease", deliveryLease);
        return settle(
                key,
                owner,
                JournalEntry.State.CONFIRMED,
                at,
                "order_number = ?, license_id = ?, license = ?, claimed_until = ?",
                orderNumber,
                license.id().value(),
                JournalledLicense.toJson(license),
                at.plus(deliveryLease));
    }

    @Override
    public boolean reject(IdempotencyKey key, String owner, String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        return settle(
                key,
                owner,
                JournalEntry.State.REJECTED,
                at,
                "rejection = ?, claimed_by = NULL, claimed_until = NULL",
                reason);
    }

    @Override
    public boolean markNeedsAttention(IdempotencyKey key, String owner, String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        // settle() moves the entry to the state it is given: PENDING here, so it stays pending, marked and unclaimed
        return settle(
                key,
                owner,
                JournalEntry.State.PENDING,
                at,
                "attention = ?, claimed_by = NULL, claimed_until = NULL",
                reason);
    }

    @Override
    public Optional<JournalEntry> find(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        return db.inTransaction("read the journal entry of order " + key, connection -> find(connection, key));
    }

    @Override
    public List<JournalEntry> pending() {
        return entriesWhere(PENDING, "read the pending orders of the journal");
    }

    @Override
    public boolean markDelivered(IdempotencyKey key, String owner, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        return db.inTransaction("mark the confirmation of order " + key + " delivered", connection -> {
            try (PreparedStatement update = db.prepare(
                    connection,
                    "UPDATE eset_order_journal SET delivered_at = ?, claimed_by = NULL, claimed_until = NULL"
                            + " WHERE reseller_id = ? AND idempotency_key = ? AND state = 'CONFIRMED'"
                            + " AND delivered_at IS NULL AND claimed_by = ?")) {
                setInstant(update, 1, at);
                update.setString(2, reseller);
                update.setString(3, key.value());
                update.setString(4, owner);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            JournalEntry entry = find(connection, key)
                    .orElseThrow(() -> new StorageException("The order journal has no entry with idempotency key " + key
                            + " to mark delivered; was the order journalled in another database?"));
            if (entry.state() != JournalEntry.State.CONFIRMED) {
                throw new StorageException("The order " + key + " is " + entry.state()
                        + ", not CONFIRMED: only a confirmed order has a confirmation to deliver.");
            }
            return entry.deliveredAt().isPresent();
        });
    }

    @Override
    public List<JournalEntry> undelivered() {
        return entriesWhere(UNDELIVERED, "read the undelivered confirmations of the journal");
    }

    @Override
    public List<IdempotencyKey> unreadable() {
        List<IdempotencyKey> keys = new ArrayList<>();
        // two index ranges (eset_order_journal_open) rather than one OR, which H2 would answer with a scan
        List<Row> open = new ArrayList<>(rowsWhere(PENDING, "look for pending entries that cannot be read"));
        open.addAll(rowsWhere(UNDELIVERED, "look for confirmations that cannot be read"));
        open.sort(Comparator.comparing(Row::createdAt).thenComparing(Row::key));
        for (Row row : open) {
            if (row.entry().isEmpty()) {
                try {
                    keys.add(IdempotencyKey.of(row.key()));
                } catch (IllegalArgumentException notAKey) {
                    LOG.error("a journal entry's key is not valid; the entry cannot be named until it is repaired");
                }
            }
        }
        return keys;
    }

    @Override
    public List<JournalEntry> latest(Optional<JournalEntry.State> state, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return newestFirst("read the latest entries of the journal", state, Optional.empty(), 0, limit);
    }

    @Override
    public List<JournalEntry> page(
            Optional<JournalEntry.State> state, Optional<Operation> operation, int offset, int limit) {
        JournalPages.requireValid(offset, limit);
        return newestFirst("read a page of the journal", state, operation, offset, limit);
    }

    /**
     * The entries matching the filters, newest first, skipping {@code offset} rows; a damaged row counts as a row
     * (so pages neither overlap nor skip) but is left out and logged. The offset is skipped by the cursor, which
     * H2 and PostgreSQL both answer without a dialect's {@code OFFSET} syntax.
     */
    private List<JournalEntry> newestFirst(
            String what, Optional<JournalEntry.State> state, Optional<Operation> operation, int offset, int limit) {
        String where =
                (state.isPresent() ? " AND state = ?" : "") + (operation.isPresent() ? " AND operation = ?" : "");
        return db.inTransaction(what, connection -> {
            try (PreparedStatement select = db.prepare(
                    connection,
                    "SELECT " + COLUMNS + " FROM eset_order_journal" + " WHERE reseller_id = ?" + where
                            + " ORDER BY created_at DESC, idempotency_key DESC")) {
                select.setMaxRows(Math.addExact(offset, limit));
                int i = 1;
                select.setString(i++, reseller);
                if (state.isPresent()) {
                    select.setString(i++, state.get().name());
                }
                if (operation.isPresent()) {
                    select.setString(i, operation.get().name());
                }
                List<JournalEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    int skipped = 0;
                    while (rows.next()) {
                        if (skipped < offset) {
                            skipped++;
                            continue;
                        }
                        try {
                            entries.add(entry(rows));
                        } catch (StorageException damaged) {
                            // one damaged entry must not hide the others from the person looking at the journal
                            LOG.error(
                                    "{}; the entry is left out of the list until it is repaired", damaged.getMessage());
                        }
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public void bindPartner(String partnerId) {
        db.bindPartner("order journal", reseller, partnerId);
    }

    /**
     * The entries matching a fixed condition of this class (never caller text), oldest first. A row that cannot be
     * read is logged and left out, so one damaged entry does not stop every reconcile ({@link #unreadable()} names
     * it).
     */
    private List<JournalEntry> entriesWhere(String condition, String what) {
        List<JournalEntry> entries = new ArrayList<>();
        for (Row row : rowsWhere(condition, what)) {
            row.entry()
                    .ifPresentOrElse(
                            entries::add,
                            () -> LOG.error("{}; the entry is left out until it is" + " repaired", row.damage()));
        }
        return entries;
    }

    /** A row of the journal: its key and creation as stored, and its entry, or why it cannot be read. */
    private record Row(String key, Instant createdAt, Optional<JournalEntry> entry, String damage) {}

    /**
     * The query of the pending or the undelivered entries of one reseller ({@link #PENDING_SQL},
     * {@link #UNDELIVERED_SQL}): a range of the index {@code eset_order_journal_open}, so it costs O(open orders).
     */
    private static String openRowsSql(String condition) {
        return "SELECT " + COLUMNS + " FROM eset_order_journal WHERE reseller_id = ? AND " + condition
                + " ORDER BY created_at, idempotency_key";
    }

    /** The rows matching a fixed condition of this class (never caller text), oldest first, damaged ones included. */
    private List<Row> rowsWhere(String condition, String what) {
        return db.inTransaction(what, connection -> {
            try (PreparedStatement select = db.prepare(connection, openRowsSql(condition))) {
                select.setString(1, reseller);
                List<Row> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String key = rows.getString("idempotency_key");
                        // the column is NOT NULL; a damaged row sorts first rather than failing the list
                        Instant createdAt = instant(rows, "created_at").orElse(Instant.MIN);
                        try {
                            found.add(new Row(key, createdAt, Optional.of(entry(rows)), ""));
                        } catch (StorageException damaged) {
                            found.add(new Row(key, createdAt, Optional.empty(), damaged.getMessage()));
                        }
                    }
                }
                return found;
            }
        });
    }

    @Override
    public String toString() {
        // a host's data source may print its URL with the password: its class only
        return "JdbcOrderJournal[" + reseller + " in "
                + db.dataSource().getClass().getSimpleName() + "]";
    }

    /**
     * Moves a pending entry claimed by {@code owner} to its final state. Returns false when the claim is not the
     * owner's any more or the entry is settled already (a settled entry never changes state); a missing entry is an
     * error.
     */
    private boolean settle(
            IdempotencyKey key,
            String owner,
            JournalEntry.State state,
            Instant at,
            String assignments,
            Object... values) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        boolean settled = db.inTransaction("settle the order " + key + " as " + state, connection -> {
            try (PreparedStatement update = db.prepare(
                    connection,
                    "UPDATE eset_order_journal SET state = ?, "
                            + assignments + ", updated_at = ?"
                            + " WHERE reseller_id = ? AND idempotency_key = ? AND state = 'PENDING' AND claimed_by = ?")) {
                int i = 1;
                update.setString(i++, state.name());
                for (Object value : values) {
                    if (value instanceof Instant instant) {
                        setInstant(update, i++, instant);
                    } else {
                        update.setString(i++, (String) value);
                    }
                }
                setInstant(update, i++, at);
                update.setString(i++, reseller);
                update.setString(i++, key.value());
                update.setString(i, owner);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            if (find(connection, key).isEmpty()) {
                throw new StorageException("The order journal has no entry with idempotency key " + key
                        + " to settle as " + state + "; was the order journalled in another database?");
            }
            return false;
        });
        LOG.debug("order {} {} as {}", key, settled ? "settled" : "not settled (claim lost or settled)", state);
        return settled;
    }

    private Optional<JournalEntry> find(Connection connection, IdempotencyKey key) throws SQLException {
        try (PreparedStatement select = db.prepare(
                connection,
                "SELECT " + COLUMNS + " FROM eset_order_journal WHERE reseller_id = ? AND idempotency_key = ?")) {
            select.setString(1, reseller);
            select.setString(2, key.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        }
    }

    private static JournalEntry entry(ResultSet row) throws SQLException {
        String key = row.getString("idempotency_key");
        try {
            Optional<String> eulaVersion = text(row, "eula_version");
            Optional<String> eulaBy = text(row, "eula_accepted_by");
            Optional<Instant> eulaAt = instant(row, "eula_accepted_at");
            Optional<EulaAcceptance> eula = eulaVersion.isPresent() && eulaBy.isPresent() && eulaAt.isPresent()
                    ? Optional.of(EulaAcceptance.of(eulaVersion.get(), eulaBy.get(), eulaAt.get()))
                    : Optional.empty();
            return ImmutableJournalEntry.builder()
                    .key(IdempotencyKey.of(key))
                    .operation(Operation.valueOf(row.getString("operation")))
                    .payload(row.getString("payload"))
                    .state(JournalEntry.State.valueOf(row.getString("state")))
                    .createdAt(requiredInstant(row, "created_at"))
                    .updatedAt(requiredInstant(row, "updated_at"))
                    .claimedBy(text(row, "claimed_by"))
                    .claimedUntil(instant(row, "claimed_until"))
                    .orderNumber(text(row, "order_number"))
                    .licenseId(text(row, "license_id").map(LicenseId::of))
                    .rejection(text(row, "rejection"))
                    .deliveredAt(instant(row, "delivered_at"))
                    .eula(eula)
                    .license(text(row, "license").map(JournalledLicense::fromJson))
                    .attention(text(row, "attention"))
                    .build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StorageException("The journal entry " + key + " is not valid ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
