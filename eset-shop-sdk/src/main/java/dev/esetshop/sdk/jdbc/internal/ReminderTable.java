package dev.esetshop.sdk.jdbc.internal;

import java.util.Collections;

/** The SQL of table {@code eset_renewal_reminder}, one row per renewal reminder of a reseller, keyed by event id. */
public final class ReminderTable {

    private ReminderTable() {}

    /**
     * A claim, the row count deciding: the owner, the lease's end, the reseller, the event, the caller's {@code now}.
     * An undelivered reminder is taken when free or lapsed on the database's clock too, as the order journal's claims.
     */
    public static final String CLAIM = "UPDATE eset_renewal_reminder SET claimed_by = ?, claimed_until = ?"
            + " WHERE reseller_id = ? AND event_id = ? AND delivered_at IS NULL"
            + " AND (claimed_by IS NULL OR claimed_until IS NULL OR " + Sql.leaseLapsed("claimed_until") + ")";

    /** A reminder's first claim: the reseller, event, license, expiry, window, now, owner, the lease's end. */
    public static final String INSERT = "INSERT INTO eset_renewal_reminder (reseller_id,"
            + " event_id, license_id, expires, window_days, created_at, claimed_by, claimed_until)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Whether a reminder was delivered: the reseller, the event. */
    public static final String DELIVERED_AT =
            "SELECT delivered_at FROM eset_renewal_reminder WHERE reseller_id = ? AND event_id = ?";

    /** A reminder delivered by its claim's owner: when, the reseller, the event, the owner. */
    public static final String MARK_DELIVERED = "UPDATE eset_renewal_reminder"
            + " SET delivered_at = ?, claimed_by = NULL, claimed_until = NULL"
            + " WHERE reseller_id = ? AND event_id = ? AND delivered_at IS NULL AND claimed_by = ?";

    /** The owner's claim let go: the reseller, the event, the owner. */
    public static final String RELEASE = "UPDATE eset_renewal_reminder SET claimed_by = NULL, claimed_until = NULL"
            + " WHERE reseller_id = ? AND event_id = ? AND delivered_at IS NULL AND claimed_by = ?";

    /** Which of {@code events} event ids were delivered: the reseller, then the event ids. */
    public static String deliveredAmong(int events) {
        return "SELECT event_id FROM eset_renewal_reminder WHERE reseller_id = ? AND delivered_at IS NOT NULL"
                + " AND event_id IN (" + String.join(", ", Collections.nCopies(events, "?")) + ")";
    }
}
