package dev.esetshop.sdk.jdbc.internal;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.OpenOrders;
import dev.esetshop.sdk.internal.FleetLeases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sync leases in table {@code eset_sync_lease}, a row per reseller. A claim is one conditional {@code UPDATE} whose row
 * count decides (the row lock serializes concurrent claimers, who then re-check the lease); the row is inserted on a
 * reseller's first claim, and an insert that loses to another instance's is a lost claim.
 */
public final class JdbcFleetLeases implements FleetLeases {

    /**
     * The resellers with open orders: two ranges of the index {@code eset_order_journal_open} (a {@code UNION}, not an
     * {@code OR}, so H2 uses the index as PostgreSQL does), O(open orders) however many settled entries the journal
     * holds. Public for the test that checks the database's plan of it.
     */
    public static final String OPEN_RESELLERS_SQL = "SELECT reseller_id FROM eset_order_journal"
            + " WHERE state = 'PENDING' UNION SELECT reseller_id FROM eset_order_journal"
            + " WHERE state = 'CONFIRMED' AND delivered_at IS NULL ORDER BY reseller_id";

    private final Db db;

    /** Leases in the database (its schema must be current). */
    public JdbcFleetLeases(Db db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public boolean claim(ResellerId reseller, String owner, Instant now, Duration lease) {
        if (take(reseller, owner, now, lease, true)) {
            return true;
        }
        boolean exists = db.inTransaction("read the sync lease of reseller " + reseller, connection -> {
            try (PreparedStatement select =
                    db.prepare(connection, "SELECT 1 FROM eset_sync_lease WHERE reseller_id = ?")) {
                select.setString(1, reseller.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
        if (exists) {
            return false;
        }
        try {
            return db.inTransaction(
                    "take the first sync lease of reseller " + reseller,
                    connection -> {
                        try (PreparedStatement insert = db.prepare(
                                connection,
                                "INSERT INTO eset_sync_lease"
                                        + " (reseller_id, claimed_by, claimed_until) VALUES (?, ?, ?)")) {
                            insert.setString(1, reseller.value());
                            insert.setString(2, owner);
                            Sql.setInstant(insert, 3, now.plus(lease));
                            return insert.executeUpdate() == 1;
                        }
                    },
                    () -> false);
        } catch (StorageException e) {
            if (e.getCause() instanceof SQLException cause && Sql.isDuplicateKey(cause)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean renew(ResellerId reseller, String owner, Instant now, Duration lease) {
        return take(reseller, owner, now, lease, false);
    }

    @Override
    public void release(ResellerId reseller, String owner) {
        db.inTransaction("release the sync lease of reseller " + reseller, connection -> {
            try (PreparedStatement update = db.prepare(
                    connection,
                    "UPDATE eset_sync_lease"
                            + " SET claimed_by = NULL, claimed_until = NULL WHERE reseller_id = ? AND claimed_by = ?")) {
                update.setString(1, reseller.value());
                update.setString(2, owner);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<ResellerId> withOpenOrders() {
        return db.inTransaction("find the resellers with open orders", connection -> {
            try (PreparedStatement select = db.prepare(connection, OPEN_RESELLERS_SQL);
                    ResultSet rows = select.executeQuery()) {
                List<ResellerId> resellers = new ArrayList<>();
                while (rows.next()) {
                    resellers.add(ResellerId.of(rows.getString(1)));
                }
                return resellers;
            }
        });
    }

    @Override
    public OpenOrders openOrders() {
        return db.inTransaction("count the open orders", connection -> {
            try (PreparedStatement select = db.prepare(
                            connection,
                            "SELECT"
                                    + " SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END) AS pending,"
                                    + " MIN(CASE WHEN state = 'PENDING' THEN created_at END) AS oldest_pending,"
                                    + " SUM(CASE WHEN state = 'CONFIRMED' THEN 1 ELSE 0 END) AS undelivered"
                                    + " FROM eset_order_journal WHERE state = 'PENDING'"
                                    + " OR (state = 'CONFIRMED' AND delivered_at IS NULL)");
                    ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return OpenOrders.NONE;
                }
                int pending = rows.getInt("pending");
                return new OpenOrders(
                        pending,
                        pending == 0 ? Optional.empty() : Sql.instant(rows, "oldest_pending"),
                        rows.getInt("undelivered"));
            }
        });
    }

    @Override
    public Map<ResellerId, Instant> lastCompletedSyncs() {
        return db.inTransaction("read when every book was last synced", connection -> {
            try (PreparedStatement select = db.prepare(
                            connection,
                            "SELECT reseller_id, last_completed"
                                    + " FROM eset_sync_cursor WHERE last_completed IS NOT NULL");
                    ResultSet rows = select.executeQuery()) {
                Map<ResellerId, Instant> synced = new HashMap<>();
                while (rows.next()) {
                    String reseller = rows.getString("reseller_id");
                    Sql.instant(rows, "last_completed").ifPresent(at -> synced.put(ResellerId.of(reseller), at));
                }
                return synced;
            }
        });
    }

    /**
     * The conditional update: a free or lapsed lease (when {@code orFree}), or the owner's own. A lease lapses as the
     * journal's claims do ({@link dev.esetshop.sdk.internal.ClaimLeases}): live while {@code now < claimed_until},
     * and while the database's clock is before {@code claimed_until} ({@link Sql#leaseLapsed}).
     */
    private boolean take(ResellerId reseller, String owner, Instant now, Duration lease, boolean orFree) {
        return db.inTransaction(
                "take the sync lease of reseller " + reseller,
                connection -> {
                    try (PreparedStatement update = db.prepare(
                            connection,
                            "UPDATE eset_sync_lease"
                                    + " SET claimed_by = ?, claimed_until = ? WHERE reseller_id = ? AND (claimed_by = ?"
                                    + (orFree
                                            ? " OR claimed_by IS NULL OR claimed_until IS NULL OR "
                                                    + Sql.leaseLapsed("claimed_until")
                                            : "")
                                    + ")")) {
                        update.setString(1, owner);
                        Sql.setInstant(update, 2, now.plus(lease));
                        update.setString(3, reseller.value());
                        update.setString(4, owner);
                        if (orFree) {
                            Sql.setInstant(update, 5, now);
                        }
                        return update.executeUpdate() == 1;
                    }
                },
                () -> false);
    }
}
