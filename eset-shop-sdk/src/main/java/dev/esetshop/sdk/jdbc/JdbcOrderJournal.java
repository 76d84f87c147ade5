package dev.esetshop.sdk.jdbc;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.internal.ClaimLeases;
import dev.esetshop.sdk.internal.JournalPages;
import dev.esetshop.sdk.internal.JournalledLicense;
import dev.esetshop.sdk.jdbc.internal.Binder;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.jdbc.internal.OrderJournalTable;
import dev.esetshop.sdk.jdbc.internal.Row;
import dev.esetshop.sdk.jdbc.internal.Sql;
import dev.esetshop.sdk.jdbc.internal.Tx;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.order.OrderJournal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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
 * {@link JdbcOptions#DEFAULT_QUERY_TIMEOUT}), and a failure never carries the driver's text, which may quote stored values.
 */
public final class JdbcOrderJournal implements OrderJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOrderJournal.class);

    private final Db db;
    private final String reseller;

    private JdbcOrderJournal(Db db, ResellerId reseller) {
        this.db = db;
        this.reseller = reseller.value();
    }

    /**
     * The journal of one reseller in a database that any number of resellers share, creating or upgrading the tables
     * when the schema version asks for it; a one-reseller host names {@link JdbcStorage#DEFAULT_RESELLER}.
     *
     * @throws StorageException when the database cannot be reached or the table cannot be created
     */
    public static JdbcOrderJournal create(DataSource dataSource, ResellerId reseller) {
        return create(dataSource, reseller, JdbcOptions.defaults());
    }

    /**
     * As {@link #create(DataSource, ResellerId)}, with these options (the statements' timeout, who applies the
     * schema).
     *
     * @throws StorageException when the database cannot be reached, the table cannot be created, or (managed by the
     *     host) the schema is older than this SDK's
     */
    public static JdbcOrderJournal create(DataSource dataSource, ResellerId reseller, JdbcOptions options) {
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(options, "options");
        return new JdbcOrderJournal(options.open(dataSource), reseller);
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
                .orElseThrow(() -> new StorageException("The order journal reported an entry with idempotency key "
                        + entry.key() + " but has none; retry with the same key.")));
    }

    /** Inserts a new entry and commits it; false, with nothing written, when the key is taken. */
    private boolean insert(JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        boolean inserted = db.inTransaction("journal the order " + entry.key() + " before sending it", tx -> {
            try {
                tx.update(
                        OrderJournalTable.INSERT,
                        b -> b.string(entry.key().value())
                                .string(entry.operation().name())
                                .string(entry.payload())
                                .string(entry.state().name())
                                .instant(entry.createdAt())
                                .instant(entry.updatedAt())
                                .nullableString(entry.claimedBy().orElse(null))
                                .nullableInstant(entry.claimedUntil().orElse(null))
                                .nullableString(entry.orderNumber().orElse(null))
                                .nullableString(
                                        entry.licenseId().map(LicenseId::value).orElse(null))
                                .nullableString(entry.rejection().orElse(null))
                                .nullableInstant(entry.deliveredAt().orElse(null))
                                .nullableString(entry.eula()
                                        .map(EulaAcceptance::version)
                                        .orElse(null))
                                .nullableString(entry.eula()
                                        .map(EulaAcceptance::acceptedBy)
                                        .orElse(null))
                                .nullableInstant(entry.eula()
                                        .map(EulaAcceptance::acceptedAt)
                                        .orElse(null))
                                .nullableString(entry.license()
                                        .map(JournalledLicense::toJson)
                                        .orElse(null))
                                .nullableString(entry.attention().orElse(null))
                                .string(reseller));
                return true;
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    // PostgreSQL refuses every further statement of this transaction: it ends here, empty
                    tx.rollback();
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
                tx -> {
                    // The row count of this one statement is the lock: the database lets only one writer match the row.
                    int claimed = tx.update(
                            OrderJournalTable.CLAIM,
                            b -> b.string(owner)
                                    .instant(now.plus(lease))
                                    .string(reseller)
                                    .string(key.value())
                                    .string(owner)
                                    .instant(now)
                                    .instant(now));
                    return claimed == 1 ? find(tx, key) : Optional.<JournalEntry>empty();
                },
                Optional::empty);
    }

    @Override
    public void release(IdempotencyKey key, String owner) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        db.useTransaction(
                "release the claim on order " + key,
                tx -> tx.update(
                        OrderJournalTable.RELEASE,
                        b -> b.string(reseller).string(key.value()).string(owner)));
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
                OrderJournalTable.CONFIRMED,
                b -> b.string(orderNumber).string(licenseId.value()).instant(at.plus(deliveryLease)));
    }

    @Override
    public boolean confirm(
            IdempotencyKey key, String owner, String orderNumber, License license, Instant at, Duration deliveryLease) {
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(license, "license");
        ClaimLeases.requirePositive("a confirmation's delivery lease", deliveryLease);
        String licenseJson = JournalledLicense.toJson(license);
        return settle(
                key,
                owner,
                JournalEntry.State.CONFIRMED,
                at,
                OrderJournalTable.CONFIRMED_WITH_LICENSE,
                b -> b.string(orderNumber)
                        .string(license.id().value())
                        .string(licenseJson)
                        .instant(at.plus(deliveryLease)));
    }

    @Override
    public boolean reject(IdempotencyKey key, String owner, String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        return settle(key, owner, JournalEntry.State.REJECTED, at, OrderJournalTable.REJECTED, b -> b.string(reason));
    }

    @Override
    public boolean markNeedsAttention(IdempotencyKey key, String owner, String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        // settle() moves the entry to the state it is given: PENDING here, so it stays pending, marked and unclaimed
        return settle(
                key, owner, JournalEntry.State.PENDING, at, OrderJournalTable.NEEDS_ATTENTION, b -> b.string(reason));
    }

    @Override
    public Optional<JournalEntry> find(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        return db.inTransaction("read the journal entry of order " + key, tx -> find(tx, key));
    }

    @Override
    public List<JournalEntry> pending() {
        return entriesWhere(OrderJournalTable.PENDING, "read the pending orders of the journal");
    }

    @Override
    public boolean markDelivered(IdempotencyKey key, String owner, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        return db.inTransaction("mark the confirmation of order " + key + " delivered", tx -> {
            if (tx.update(
                            OrderJournalTable.MARK_DELIVERED,
                            b -> b.instant(at)
                                    .string(reseller)
                                    .string(key.value())
                                    .string(owner))
                    == 1) {
                return true;
            }
            JournalEntry entry = find(tx, key)
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
        return entriesWhere(OrderJournalTable.UNDELIVERED, "read the undelivered confirmations of the journal");
    }

    @Override
    public List<IdempotencyKey> unreadable() {
        List<IdempotencyKey> keys = new ArrayList<>();
        // two index ranges (eset_order_journal_open) rather than one OR, which H2 would answer with a scan
        List<Stored> open =
                new ArrayList<>(rowsWhere(OrderJournalTable.PENDING, "look for pending entries that cannot be read"));
        open.addAll(rowsWhere(OrderJournalTable.UNDELIVERED, "look for confirmations that cannot be read"));
        open.sort(Comparator.comparing(Stored::createdAt).thenComparing(Stored::key));
        for (Stored row : open) {
            if (row.entry() == null) {
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
    public List<JournalEntry> latest(int limit) {
        JournalPages.requireLimit(limit);
        return newestFirst("read the latest entries of the journal", null, null, 0, limit);
    }

    @Override
    public List<JournalEntry> latest(JournalEntry.State state, int limit) {
        JournalPages.requireLimit(limit);
        return newestFirst("read the latest entries of the journal", state, null, 0, limit);
    }

    @Override
    public List<JournalEntry> page(OrderHistoryQuery query) {
        return newestFirst(
                "read a page of the journal",
                query.state().orElse(null),
                query.operation().orElse(null),
                JournalPages.offset(query),
                JournalPages.limit(query));
    }

    /**
     * The entries matching the filters (every state or operation when null), newest first, skipping {@code offset}
     * rows; a damaged row counts as a row (so pages neither overlap nor skip) but is left out and logged. The offset
     * is skipped by the cursor, which H2 and PostgreSQL both answer without a dialect's {@code OFFSET} syntax.
     */
    private List<JournalEntry> newestFirst(
            String what, JournalEntry.@Nullable State state, @Nullable Operation operation, int offset, int limit) {
        Binder.Binding filters = b -> {
            b.string(reseller);
            if (state != null) {
                b.string(state.name());
            }
            if (operation != null) {
                b.string(operation.name());
            }
        };
        String sql = OrderJournalTable.newestFirst(state != null, operation != null);
        return db.inTransaction(
                what,
                tx -> tx.read(sql, filters, Math.addExact(offset, limit), rows -> {
                    List<JournalEntry> entries = new ArrayList<>();
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
                    return entries;
                }));
    }

    @Override
    public void bindPartner(String partnerId) {
        db.bindPartner("order journal", reseller, partnerId);
    }

    /**
     * The entries matching a condition of {@link OrderJournalTable} (never caller text), oldest first. A row that
     * cannot be read is logged and left out, so one damaged entry does not stop every reconcile
     * ({@link #unreadable()} names it).
     */
    private List<JournalEntry> entriesWhere(String condition, String what) {
        List<JournalEntry> entries = new ArrayList<>();
        for (Stored row : rowsWhere(condition, what)) {
            Optional.ofNullable(row.entry())
                    .ifPresentOrElse(
                            entries::add,
                            () -> LOG.error("{}; the entry is left out until it is repaired", row.damage()));
        }
        return entries;
    }

    /** A row of the journal: its key and creation as stored, and its entry, or why it cannot be read. */
    private record Stored(
            String key, Instant createdAt, @Nullable JournalEntry entry, String damage) {}

    /** The rows matching a condition of {@link OrderJournalTable}, oldest first, damaged ones included. */
    private List<Stored> rowsWhere(String condition, String what) {
        return db.inTransaction(
                what,
                tx -> tx.list(OrderJournalTable.openEntries(condition), b -> b.string(reseller), row -> {
                    String key = row.optionalString("idempotency_key").orElse("");
                    // the column is NOT NULL; a damaged row sorts first rather than failing the list
                    Instant createdAt = row.optionalInstant("created_at").orElse(Instant.MIN);
                    try {
                        return new Stored(key, createdAt, entry(row), "");
                    } catch (StorageException damaged) {
                        return new Stored(key, createdAt, null, damaged.getMessage());
                    }
                }));
    }

    @Override
    public String toString() {
        // a host's data source may print its URL with the password: its class only
        return "JdbcOrderJournal[" + reseller + " in "
                + db.dataSource().getClass().getSimpleName() + "]";
    }

    /**
     * Moves a pending entry claimed by {@code owner} to its final state, with the assignments of
     * {@link OrderJournalTable} and their parameters. Returns false when the claim is not the owner's any more or the
     * entry is settled already (a settled entry never changes state); a missing entry is an error.
     */
    private boolean settle(
            IdempotencyKey key,
            String owner,
            JournalEntry.State state,
            Instant at,
            String assignments,
            Binder.Binding assigned) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        boolean settled = db.inTransaction("settle the order " + key + " as " + state, tx -> {
            int updated = tx.update(OrderJournalTable.settle(assignments), b -> {
                b.string(state.name());
                assigned.bind(b);
                b.instant(at).string(reseller).string(key.value()).string(owner);
            });
            if (updated == 1) {
                return true;
            }
            if (find(tx, key).isEmpty()) {
                throw new StorageException("The order journal has no entry with idempotency key " + key
                        + " to settle as " + state + "; was the order journalled in another database?");
            }
            return false;
        });
        LOG.debug("order {} {} as {}", key, settled ? "settled" : "not settled (claim lost or settled)", state);
        return settled;
    }

    private Optional<JournalEntry> find(Tx tx, IdempotencyKey key) throws SQLException {
        return tx.first(
                OrderJournalTable.SELECT_ONE, b -> b.string(reseller).string(key.value()), JdbcOrderJournal::entry);
    }

    private static JournalEntry entry(Row row) throws SQLException {
        String key = row.optionalString("idempotency_key").orElse("without a key");
        try {
            JournalEntry.Builder entry = JournalEntry.builder()
                    .key(IdempotencyKey.of(row.string("idempotency_key")))
                    .operation(Operation.valueOf(row.string("operation")))
                    .payload(row.string("payload"))
                    .state(JournalEntry.State.valueOf(row.string("state")))
                    .createdAt(row.instant("created_at"))
                    .updatedAt(row.instant("updated_at"));
            row.optionalString("claimed_by").ifPresent(entry::claimedBy);
            row.optionalInstant("claimed_until").ifPresent(entry::claimedUntil);
            row.optionalString("order_number").ifPresent(entry::orderNumber);
            row.optionalString("license_id").map(LicenseId::of).ifPresent(entry::licenseId);
            row.optionalString("rejection").ifPresent(entry::rejection);
            row.optionalInstant("delivered_at").ifPresent(entry::deliveredAt);
            Optional<String> eulaVersion = row.optionalString("eula_version");
            Optional<String> eulaBy = row.optionalString("eula_accepted_by");
            Optional<Instant> eulaAt = row.optionalInstant("eula_accepted_at");
            if (eulaVersion.isPresent() && eulaBy.isPresent() && eulaAt.isPresent()) {
                entry.eula(EulaAcceptance.of(eulaVersion.get(), eulaBy.get(), eulaAt.get()));
            }
            row.optionalString("license").map(JournalledLicense::fromJson).ifPresent(entry::license);
            row.optionalString("attention").ifPresent(entry::attention);
            return entry.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StorageException("The journal entry " + key + " is not valid (" + Row.whyDamaged(e) + ")");
        }
    }
}
