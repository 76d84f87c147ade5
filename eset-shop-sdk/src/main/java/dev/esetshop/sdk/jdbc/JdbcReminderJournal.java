package dev.esetshop.sdk.jdbc;

import static dev.esetshop.sdk.jdbc.internal.Sql.setDate;
import static dev.esetshop.sdk.jdbc.internal.Sql.setInstant;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.internal.ClaimLeases;
import dev.esetshop.sdk.jdbc.internal.Db;
import dev.esetshop.sdk.jdbc.internal.Sql;
import dev.esetshop.sdk.remind.ReminderJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
     * The reminder journal of the one reseller of a one-reseller host ({@link JdbcStorage#DEFAULT_RESELLER}),
     * creating or upgrading the tables when the schema version asks for it.
     *
     * @param dataSource the database, best a pool not bound to the caller's transactions
     * @return the journal
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached or the table cannot be
     *     created
     */
    public static JdbcReminderJournal create(DataSource dataSource) {
        return create(dataSource, JdbcStorage.DEFAULT_RESELLER);
    }

    /**
     * The reminder journal of one reseller in a database that any number of resellers share, creating or upgrading
     * the tables when the schema version asks for it.
     *
     * @param dataSource the database, best a pool not bound to the caller's transactions
     * @param reseller the reseller whose reminders it keeps
     * @return the journal
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached or the table cannot be
     *     created
     */
    public static JdbcReminderJournal create(DataSource dataSource, ResellerId reseller) {
        return create(dataSource, reseller, Db.DEFAULT_QUERY_TIMEOUT, JdbcStorage.Schema.APPLIED_BY_SDK);
    }

    /**
     * As {@link #create(DataSource, ResellerId)}, with the timeout of every statement (whole seconds, at least one);
     * with {@link JdbcStorage.Schema#MANAGED_BY_HOST} the tables are only checked, and an older schema is an error.
     *
     * @param dataSource the database
     * @param reseller the reseller whose reminders it keeps
     * @param queryTimeout the timeout of every statement, lock waits included
     * @param schema who creates and upgrades the tables
     * @return the journal
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached, the table cannot be
     *     created, or (managed by the host) the schema is older than this SDK's
     */
    public static JdbcReminderJournal create(
            DataSource dataSource, ResellerId reseller, Duration queryTimeout, JdbcStorage.Schema schema) {
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(schema, "schema");
        Db db = new Db(dataSource, queryTimeout);
        db.ensureSchema(schema == JdbcStorage.Schema.MANAGED_BY_HOST);
        return new JdbcReminderJournal(db, reseller);
    }

    @Override
    public Set<String> delivered(Collection<String> eventIds) {
        List<String> ids = List.copyOf(eventIds);
        Set<String> delivered = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            delivered.addAll(db.inTransaction("read which renewal reminders were delivered", connection -> {
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement select = db.prepare(
                        connection,
                        "SELECT event_id FROM eset_renewal_reminder"
                                + " WHERE reseller_id = ? AND delivered_at IS NOT NULL AND event_id IN (" + marks
                                + ")")) {
                    select.setString(1, reseller);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    List<String> found = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.add(rows.getString(1));
                        }
                    }
                    return found;
                }
            }));
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
        return db.inTransactionRetryingFirstWrites("claim the renewal reminder " + eventId, connection -> {
            try (PreparedStatement update = db.prepare(
                    connection,
                    "UPDATE eset_renewal_reminder SET claimed_by = ?, claimed_until = ?"
                            + " WHERE reseller_id = ? AND event_id = ? AND delivered_at IS NULL"
                            // lapsed on the database's clock too, as the order journal's claims
                            + " AND (claimed_by IS NULL OR claimed_until IS NULL OR " + Sql.leaseLapsed("claimed_until")
                            + ")")) {
                update.setString(1, owner);
                setInstant(update, 2, now.plus(lease));
                update.setString(3, reseller);
                update.setString(4, eventId);
                setInstant(update, 5, now);
                if (update.executeUpdate() == 1) {
                    return Claim.CLAIMED;
                }
            }
            Optional<Boolean> delivered = deliveredOne(connection, eventId);
            if (delivered.isPresent()) {
                return delivered.get() ? Claim.DELIVERED_BEFORE : Claim.HELD_ELSEWHERE;
            }
            try (PreparedStatement insert = db.prepare(
                    connection,
                    "INSERT INTO eset_renewal_reminder (reseller_id,"
                            + " event_id, license_id, expires, window_days, created_at, claimed_by, claimed_until)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, reseller);
                insert.setString(2, eventId);
                insert.setString(3, licenseId.value());
                setDate(insert, 4, expires);
                insert.setInt(5, window);
                setInstant(insert, 6, now);
                insert.setString(7, owner);
                setInstant(insert, 8, now.plus(lease));
                insert.executeUpdate();
            }
            return Claim.CLAIMED;
        });
    }

    @Override
    public boolean markDelivered(String eventId, String owner, Instant at) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        return db.inTransaction("record the renewal reminder " + eventId + " delivered", connection -> {
            try (PreparedStatement update = db.prepare(
                    connection,
                    "UPDATE eset_renewal_reminder"
                            + " SET delivered_at = ?, claimed_by = NULL, claimed_until = NULL"
                            + " WHERE reseller_id = ? AND event_id = ? AND delivered_at IS NULL AND claimed_by = ?")) {
                setInstant(update, 1, at);
                update.setString(2, reseller);
                update.setString(3, eventId);
                update.setString(4, owner);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            return deliveredOne(connection, eventId).orElse(false);
        });
    }

    @Override
    public void release(String eventId, String owner) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(owner, "owner");
        db.inTransaction("release the claim on renewal reminder " + eventId, connection -> {
            try (PreparedStatement update = db.prepare(
                    connection,
                    "UPDATE eset_renewal_reminder"
                            + " SET claimed_by = NULL, claimed_until = NULL"
                            + " WHERE reseller_id = ? AND event_id = ? AND delivered_at IS NULL AND claimed_by = ?")) {
                update.setString(1, reseller);
                update.setString(2, eventId);
                update.setString(3, owner);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void bindPartner(String partnerId) {
        db.bindPartner("reminder journal", reseller, partnerId);
    }

    /** Whether the reminder was delivered, empty when the journal has no row for it. */
    private Optional<Boolean> deliveredOne(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement select = db.prepare(
                connection,
                "SELECT delivered_at FROM eset_renewal_reminder" + " WHERE reseller_id = ? AND event_id = ?")) {
            select.setString(1, reseller);
            select.setString(2, eventId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1) != null) : Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcReminderJournal[reseller=" + reseller + "]";
    }
}
