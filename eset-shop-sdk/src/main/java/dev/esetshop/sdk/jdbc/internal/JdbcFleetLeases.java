package dev.esetshop.sdk.jdbc.internal;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.OpenOrders;
import dev.esetshop.sdk.internal.FleetLeases;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Sync leases in table {@code eset_sync_lease}, a row per reseller. A claim is one conditional {@code UPDATE} whose row
 * count decides (the row lock serializes concurrent claimers, who then re-check the lease); the row is inserted on a
 * reseller's first claim, and an insert that loses to another instance's is a lost claim.
 */
public final class JdbcFleetLeases implements FleetLeases {

    /** The query of {@link #withOpenOrders()}, public for the test that checks the database's plan of it. */
    public static final String OPEN_RESELLERS_SQL = OrderJournalTable.OPEN_RESELLERS;

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
        boolean exists = db.inTransaction(
                "read the sync lease of reseller " + reseller,
                tx -> tx.exists(SyncLeaseTable.EXISTS, b -> b.string(reseller.value())));
        if (exists) {
            return false;
        }
        try {
            return db.inTransaction(
                    "take the first sync lease of reseller " + reseller,
                    tx -> tx.update(
                                    SyncLeaseTable.INSERT,
                                    b -> b.string(reseller.value())
                                            .string(owner)
                                            .instant(now.plus(lease)))
                            == 1,
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
        db.useTransaction(
                "release the sync lease of reseller " + reseller,
                tx -> tx.update(
                        SyncLeaseTable.RELEASE, b -> b.string(reseller.value()).string(owner)));
    }

    @Override
    public List<ResellerId> withOpenOrders() {
        return db.inTransaction(
                "find the resellers with open orders",
                tx -> tx.list(
                        OrderJournalTable.OPEN_RESELLERS,
                        Binder.NONE,
                        row -> ResellerId.of(row.string("reseller_id"))));
    }

    @Override
    public OpenOrders openOrders() {
        return db.inTransaction(
                "count the open orders",
                tx -> tx.first(OrderJournalTable.OPEN_ORDERS, Binder.NONE, row -> {
                            int pending = row.integer("pending");
                            int undelivered = row.integer("undelivered");
                            return pending == 0
                                    ? OpenOrders.nonePending(undelivered)
                                    : OpenOrders.of(pending, row.instant("oldest_pending"), undelivered);
                        })
                        .orElse(OpenOrders.NONE));
    }

    @Override
    public Map<ResellerId, Instant> lastCompletedSyncs() {
        return db
                .inTransaction(
                        "read when every book was last synced",
                        tx -> tx.list(
                                SyncCursorTable.LAST_COMPLETED,
                                Binder.NONE,
                                row -> Map.entry(
                                        ResellerId.of(row.string("reseller_id")), row.instant("last_completed"))))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The conditional update: a free or lapsed lease (when {@code orFree}), or the owner's own. A lease lapses as the
     * journal's claims do ({@link dev.esetshop.sdk.internal.ClaimLeases}): live while {@code now < claimed_until},
     * and while the database's clock is before {@code claimed_until} ({@link Sql#leaseLapsed}).
     */
    private boolean take(ResellerId reseller, String owner, Instant now, Duration lease, boolean orFree) {
        return db.inTransaction(
                "take the sync lease of reseller " + reseller,
                tx -> tx.update(SyncLeaseTable.take(orFree), b -> {
                            b.string(owner)
                                    .instant(now.plus(lease))
                                    .string(reseller.value())
                                    .string(owner);
                            if (orFree) {
                                b.instant(now);
                            }
                        })
                        == 1,
                () -> false);
    }
}
