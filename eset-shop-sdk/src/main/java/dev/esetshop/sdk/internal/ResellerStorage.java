package dev.esetshop.sdk.internal;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.OpenOrders;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOptions;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcReminderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.jdbc.internal.JdbcFleetLeases;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;
import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.sdk.memory.InMemoryReminderJournal;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.sdk.remind.ReminderJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Each reseller's license book, order journal and reminder journal: in the host's database (reseller-scoped tables
 * every instance shares) or in this process's memory, made on a reseller's first use and kept.
 */
public final class ResellerStorage {

    private final @Nullable DataSource books;
    // the journals' pool: the order and reminder journals and the leases; the books' pool unless the host gave one
    private final @Nullable DataSource journals;
    private final JdbcStorage.Schema schema;
    private final Map<ResellerId, LicenseStore> stores = new ConcurrentHashMap<>();
    private final Map<ResellerId, OrderJournal> orderJournals = new ConcurrentHashMap<>();
    private final Map<ResellerId, ReminderJournal> reminderJournals = new ConcurrentHashMap<>();

    private ResellerStorage(@Nullable DataSource books, @Nullable DataSource journals, JdbcStorage.Schema schema) {
        this.books = books;
        this.journals = journals;
        this.schema = schema;
    }

    /** Everything in this process's memory, for one instance. */
    public static ResellerStorage inMemory() {
        return new ResellerStorage(null, null, JdbcStorage.Schema.APPLIED_BY_SDK);
    }

    /** The books in {@code books}, the journals and the leases in {@code journals} (the same database). */
    public static ResellerStorage inDatabase(DataSource books, DataSource journals, JdbcStorage.Schema schema) {
        return new ResellerStorage(
                Objects.requireNonNull(books, "books"),
                Objects.requireNonNull(journals, "journals"),
                Objects.requireNonNull(schema, "schema"));
    }

    /** Whether every instance sharing the database sees the same books and journals. */
    public boolean shared() {
        return books != null;
    }

    /**
     * Checks (and unless the host manages it, creates or migrates) the schema, and opens the leases of fleet syncs.
     *
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached or migrated
     */
    public FleetLeases open() {
        if (books == null || journals == null) {
            return new MemoryFleetLeases();
        }
        boolean managedByHost = schema == JdbcStorage.Schema.MANAGED_BY_HOST;
        // the books' pool creates or upgrades the tables (two connections at once); the journals' own pool then only
        // checks them, so a pool of one connection serves the journals
        new Db(books, Db.DEFAULT_QUERY_TIMEOUT).ensureSchema(managedByHost);
        Db journalDb = new Db(journals, Db.DEFAULT_QUERY_TIMEOUT);
        if (journals != books) {
            journalDb.ensureSchema(managedByHost);
        }
        return new JdbcFleetLeases(journalDb);
    }

    /** The reseller's license book. */
    public LicenseStore store(ResellerId reseller) {
        DataSource database = books;
        return stores.computeIfAbsent(
                reseller,
                id -> database == null
                        ? new InMemoryLicenseStore()
                        : JdbcLicenseStore.create(
                                database, id, JdbcOptions.defaults().withSchema(schema)));
    }

    /** The reseller's order journal. */
    public OrderJournal orderJournal(ResellerId reseller) {
        DataSource database = journals;
        return orderJournals.computeIfAbsent(
                reseller,
                id -> database == null
                        ? new InMemoryOrderJournal()
                        : JdbcOrderJournal.create(
                                database, id, JdbcOptions.defaults().withSchema(schema)));
    }

    /** The reseller's reminder journal. */
    public ReminderJournal reminderJournal(ResellerId reseller) {
        DataSource database = journals;
        return reminderJournals.computeIfAbsent(
                reseller,
                id -> database == null
                        ? new InMemoryReminderJournal()
                        : JdbcReminderJournal.create(
                                database, id, JdbcOptions.defaults().withSchema(schema)));
    }

    /** Leases in this process only, over the books and journals made so far: enough for one instance in memory. */
    private final class MemoryFleetLeases implements FleetLeases {

        private final Map<ResellerId, String> holders = new ConcurrentHashMap<>();

        @Override
        public boolean claim(ResellerId reseller, String owner, Instant now, Duration lease) {
            return holders.putIfAbsent(reseller, owner) == null || owner.equals(holders.get(reseller));
        }

        @Override
        public boolean renew(ResellerId reseller, String owner, Instant now, Duration lease) {
            return owner.equals(holders.get(reseller));
        }

        @Override
        public void release(ResellerId reseller, String owner) {
            holders.remove(reseller, owner);
        }

        @Override
        public List<ResellerId> withOpenOrders() {
            return List.copyOf(orderJournals.keySet());
        }

        @Override
        public OpenOrders openOrders() {
            int pending = 0;
            int undelivered = 0;
            Optional<Instant> oldest = Optional.empty();
            for (OrderJournal journal : orderJournals.values()) {
                for (var entry : journal.pending()) {
                    pending++;
                    if (oldest.isEmpty() || entry.createdAt().isBefore(oldest.get())) {
                        oldest = Optional.of(entry.createdAt());
                    }
                }
                undelivered += journal.undelivered().size();
            }
            return pending == 0
                    ? OpenOrders.nonePending(undelivered)
                    : OpenOrders.of(pending, oldest.orElseThrow(), undelivered);
        }

        @Override
        public Map<ResellerId, Instant> lastCompletedSyncs() {
            Map<ResellerId, Instant> synced = new HashMap<>();
            stores.forEach((reseller, store) ->
                    store.cursor().flatMap(SyncCursor::lastCompleted).ifPresent(at -> synced.put(reseller, at)));
            return synced;
        }
    }
}
