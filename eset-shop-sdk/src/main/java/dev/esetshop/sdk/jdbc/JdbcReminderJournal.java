package dev.esetshop.sdk.jdbc;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.internal.ClaimLeases;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.jdbc.internal.ReminderTable;
import dev.esetshop.sdk.jdbc.internal.Tx;
import dev.esetshop.sdk.remind.ReminderJournal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One reseller's reminder journal in a relational database over plain JDBC (H2 embedded, PostgreSQL): table
 * {@code eset_renewal_reminder} keyed by reseller and event id, created (or upgraded in place) through Flyway when
 * the schema version row says so (see {@link JdbcStorage}). A claim is one conditional {@code UPDATE} whose row count
 * decides, as in {@link JdbcOrderJournal}; a reminder's first claim inserts its row, and an insert that loses to
 * another shop's is retried as an update, which then finds the other shop's live claim. Every write runs in its own
 * transaction, committed before the method returns; every statement has a query timeout, and a failure never carries
 * the driver's text.
 */
public final class JdbcReminderJournal implements ReminderJournal {

    /** How many event ids one {@link #delivered} statement asks for at most. */
    private static final int IN_LIST = 500;

    private final Db db;
    private final String reseller;

    private JdbcReminderJournal(Db db, ResellerId reseller) {
        this.db = db;
        this.reseller = reseller.value();
    }

    /**
     * The reminder journal of one reseller in a database that any number of resellers share, creating or upgrading
     * the tables when the schema version asks for it; a one-reseller host names {@link JdbcStorage#DEFAULT_RESELLER}.
     *
     * @param dataSource the database, best a pool not bound to the caller's transactions
     * @param reseller the reseller whose reminders it keeps
     * @return the journal
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached or the table cannot be
     *     created
     */
    public static JdbcReminderJournal create(DataSource dataSource, ResellerId reseller) {
        return create(dataSource, reseller, JdbcOptions.defaults());
    }

    /**
     * As {@link #create(DataSource, ResellerId)}, with these options (the statements' timeout, who applies the
     * schema).
     *
     * @param dataSource the database
     * @param reseller the reseller whose reminders it keeps
     * @param options the timeout of every statement, and who creates and upgrades the tables
     * @return the journal
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached, the table cannot be
     *     created, or (managed by the host) the schema is older than this SDK's
     */
    public static JdbcReminderJournal create(DataSource dataSource, ResellerId reseller, JdbcOptions options) {
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(options, "options");
        return new JdbcReminderJournal(options.open(dataSource), reseller);
    }

    @Override
    public Set<String> delivered(Collection<String> eventIds) {
        List<String> ids = List.copyOf(eventIds);
        Set<String> delivered = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            delivered.addAll(db.inTransaction(
                    "read which renewal reminders were delivered",
                    tx -> tx.list(
                            ReminderTable.deliveredAmong(chunk.size()),
                            b -> {
                                b.string(reseller);
                                for (String id : chunk) {
                                    b.string(id);
                                }
                            },
                            row -> row.string("event_id"))));
        }
        return delivered;
    }

    @Override
    public Claim claim(
            String eventId,
            LicenseId licenseId,
            LocalDate expires,
            int window,
            String owner,
            Instant now,
            Duration lease) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(licenseId, "licenseId");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        ClaimLeases.requirePositive("a claim's lease", lease);
        // a duplicate insert (another shop recorded the reminder first) runs the whole work again: its update or read
        // then sees the other shop's row
        return db.inTransactionRetryingFirstWrites("claim the renewal reminder " + eventId, tx -> {
            int claimed = tx.update(
                    ReminderTable.CLAIM,
                    b -> b.string(owner)
                            .instant(now.plus(lease))
                            .string(reseller)
                            .string(eventId)
                            .instant(now));
            if (claimed == 1) {
                return Claim.CLAIMED;
            }
            Optional<Boolean> delivered = deliveredOne(tx, eventId);
            if (delivered.isPresent()) {
                return delivered.get() ? Claim.DELIVERED_BEFORE : Claim.HELD_ELSEWHERE;
            }
            tx.update(
                    ReminderTable.INSERT,
                    b -> b.string(reseller)
                            .string(eventId)
                            .string(licenseId.value())
                            .date(expires)
                            .integer(window)
                            .instant(now)
                            .string(owner)
                            .instant(now.plus(lease)));
            return Claim.CLAIMED;
        });
    }

    @Override
    public boolean markDelivered(String eventId, String owner, Instant at) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        return db.inTransaction("record the renewal reminder " + eventId + " delivered", tx -> {
            int marked = tx.update(
                    ReminderTable.MARK_DELIVERED,
                    b -> b.instant(at).string(reseller).string(eventId).string(owner));
            return marked == 1 || deliveredOne(tx, eventId).orElse(false);
        });
    }

    @Override
    public void release(String eventId, String owner) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(owner, "owner");
        db.useTransaction(
                "release the claim on renewal reminder " + eventId,
                tx -> tx.update(
                        ReminderTable.RELEASE,
                        b -> b.string(reseller).string(eventId).string(owner)));
    }

    @Override
    public void bindPartner(String partnerId) {
        db.bindPartner("reminder journal", reseller, partnerId);
    }

    /** Whether the reminder was delivered, empty when the journal has no row for it. */
    private Optional<Boolean> deliveredOne(Tx tx, String eventId) throws SQLException {
        return tx.first(
                ReminderTable.DELIVERED_AT,
                b -> b.string(reseller).string(eventId),
                row -> !row.isNull("delivered_at"));
    }

    @Override
    public String toString() {
        return "JdbcReminderJournal[reseller=" + reseller + "]";
    }
}
