package dev.esetshop.sdk.jdbc.internal;

/** The SQL of table {@code eset_sync_lease}, one row per reseller: which instance syncs its book, until when. */
final class SyncLeaseTable {

    private SyncLeaseTable() {}

    static final String EXISTS = "SELECT 1 AS lease FROM eset_sync_lease WHERE reseller_id = ?";

    static final String INSERT =
            "INSERT INTO eset_sync_lease (reseller_id, claimed_by, claimed_until) VALUES (?, ?, ?)";

    static final String RELEASE =
            "UPDATE eset_sync_lease SET claimed_by = NULL, claimed_until = NULL WHERE reseller_id = ? AND claimed_by = ?";

    /**
     * The owner's own lease, or also a free or lapsed one: the owner, the lease's end, the reseller, the owner, and
     * for a free one the caller's {@code now}.
     */
    static String take(boolean orFree) {
        return "UPDATE eset_sync_lease SET claimed_by = ?, claimed_until = ? WHERE reseller_id = ? AND (claimed_by = ?"
                + (orFree
                        ? " OR claimed_by IS NULL OR claimed_until IS NULL OR " + Sql.leaseLapsed("claimed_until")
                        : "")
                + ")";
    }
}
