package dev.esetshop.sdk.jdbc.internal;

/**
 * The SQL of table {@code eset_order_journal}, one row per order of a reseller, keyed by reseller and idempotency key,
 * with the index {@code eset_order_journal_open} over the open (pending and undelivered) orders.
 */
public final class OrderJournalTable {

    private OrderJournalTable() {}

    /** The columns every select reads, and an insert writes before the reseller, in this order. */
    public static final String COLUMNS = "idempotency_key, operation, payload, state, created_at, updated_at,"
            + " claimed_by, claimed_until, order_number, license_id, rejection, delivered_at, eula_version,"
            + " eula_accepted_by, eula_accepted_at, license, attention";

    /** A new entry: {@link #COLUMNS}, then the reseller. */
    public static final String INSERT = "INSERT INTO eset_order_journal (" + COLUMNS
            + ", reseller_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One entry: the reseller and the key. */
    public static final String SELECT_ONE =
            "SELECT " + COLUMNS + " FROM eset_order_journal WHERE reseller_id = ? AND idempotency_key = ?";

    /**
     * A claim, the row count deciding: the owner, the lease's end, the reseller, the key, the owner, and the caller's
     * {@code now} twice. A pending entry not marked for attention is taken when free, lapsed or the owner's own; a
     * confirmed, undelivered one when free or lapsed.
     */
    public static final String CLAIM = "UPDATE eset_order_journal SET claimed_by = ?, claimed_until = ?"
            + " WHERE reseller_id = ? AND idempotency_key = ? AND ("
            + "(state = 'PENDING' AND attention IS NULL AND (claimed_by IS NULL OR claimed_by = ?"
            + " OR claimed_until IS NULL OR " + Sql.leaseLapsed("claimed_until") + "))"
            + " OR (state = 'CONFIRMED' AND delivered_at IS NULL AND (claimed_by IS NULL"
            + " OR claimed_until IS NULL OR " + Sql.leaseLapsed("claimed_until") + ")))";

    /** The owner's claim let go: the reseller, the key, the owner. */
    public static final String RELEASE = "UPDATE eset_order_journal SET claimed_by = NULL, claimed_until = NULL"
            + " WHERE reseller_id = ? AND idempotency_key = ? AND claimed_by = ?";

    /** A confirmation delivered by its claim's owner: when, the reseller, the key, the owner. */
    public static final String MARK_DELIVERED =
            "UPDATE eset_order_journal SET delivered_at = ?, claimed_by = NULL, claimed_until = NULL"
                    + " WHERE reseller_id = ? AND idempotency_key = ? AND state = 'CONFIRMED'"
                    + " AND delivered_at IS NULL AND claimed_by = ?";

    /** {@link #settle}'s assignments of a confirmation: order number, license id, the delivery lease's end. */
    public static final String CONFIRMED = "order_number = ?, license_id = ?, claimed_until = ?";

    /**
     * {@link #settle}'s assignments of a confirmation that keeps the license: order number, license id, the license,
     * the delivery lease's end.
     */
    public static final String CONFIRMED_WITH_LICENSE =
            "order_number = ?, license_id = ?, license = ?, claimed_until = ?";

    /** {@link #settle}'s assignments of a rejection: the reason. */
    public static final String REJECTED = "rejection = ?, claimed_by = NULL, claimed_until = NULL";

    /** {@link #settle}'s assignments of a mark for attention: the reason. */
    public static final String NEEDS_ATTENTION = "attention = ?, claimed_by = NULL, claimed_until = NULL";

    /**
     * A pending entry claimed by its owner moved to a state: the state, the assignments' parameters (one of this
     * class's constants), when, the reseller, the key, the owner.
     */
    public static String settle(String assignments) {
        return "UPDATE eset_order_journal SET state = ?, " + assignments + ", updated_at = ?"
                + " WHERE reseller_id = ? AND idempotency_key = ? AND state = 'PENDING' AND claimed_by = ?";
    }

    /** The condition of the pending entries. */
    public static final String PENDING = "state = 'PENDING'";

    /** The condition of the confirmations not yet delivered. */
    public static final String UNDELIVERED = "state = 'CONFIRMED' AND delivered_at IS NULL";

    /**
     * A reseller's entries in one of the conditions above, oldest first: a range of the index
     * {@code eset_order_journal_open}, so it costs O(open orders).
     */
    public static String openEntries(String condition) {
        return "SELECT " + COLUMNS + " FROM eset_order_journal WHERE reseller_id = ? AND " + condition
                + " ORDER BY created_at, idempotency_key";
    }

    /**
     * A reseller's entries newest first, of one state and of one operation when asked: the reseller, then the state
     * and the operation when asked.
     */
    public static String newestFirst(boolean ofState, boolean ofOperation) {
        return "SELECT " + COLUMNS + " FROM eset_order_journal WHERE reseller_id = ?"
                + (ofState ? " AND state = ?" : "") + (ofOperation ? " AND operation = ?" : "")
                + " ORDER BY created_at DESC, idempotency_key DESC";
    }

    /**
     * The resellers with open orders: two ranges of the index {@code eset_order_journal_open} (a {@code UNION}, not an
     * {@code OR}, so H2 uses the index as PostgreSQL does), O(open orders) however many settled entries the journal
     * holds.
     */
    public static final String OPEN_RESELLERS = "SELECT reseller_id FROM eset_order_journal"
            + " WHERE state = 'PENDING' UNION SELECT reseller_id FROM eset_order_journal"
            + " WHERE state = 'CONFIRMED' AND delivered_at IS NULL ORDER BY reseller_id";

    /** How many orders of every reseller are pending (and since when) or undelivered; one row, zeros when none. */
    public static final String OPEN_ORDERS = "SELECT"
            + " COALESCE(SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END), 0) AS pending,"
            + " MIN(CASE WHEN state = 'PENDING' THEN created_at END) AS oldest_pending,"
            + " COALESCE(SUM(CASE WHEN state = 'CONFIRMED' THEN 1 ELSE 0 END), 0) AS undelivered"
            + " FROM eset_order_journal WHERE state = 'PENDING'"
            + " OR (state = 'CONFIRMED' AND delivered_at IS NULL)";
}
