package dev.esetshop.sdk.jdbc.internal;

/** The SQL of table {@code eset_sync_cursor}, one row per reseller: where its book's sync stands. */
public final class SyncCursorTable {

    private SyncCursorTable() {}

    /** The cursor's columns, in the order of the parameters of {@link #UPDATE} and {@link #INSERT}. */
    public static final String COLUMNS = "since_at, next_skip, high_water, in_progress, last_completed";

    /** A reseller's cursor. */
    public static final String SELECT = "SELECT " + COLUMNS + " FROM eset_sync_cursor WHERE reseller_id = ?";

    /** {@link #COLUMNS}, then the reseller. */
    public static final String UPDATE = "UPDATE eset_sync_cursor SET since_at = ?, next_skip = ?, high_water = ?,"
            + " in_progress = ?, last_completed = ? WHERE reseller_id = ?";

    /** {@link #COLUMNS}, then the reseller. */
    public static final String INSERT =
            "INSERT INTO eset_sync_cursor (" + COLUMNS + ", reseller_id) VALUES (?, ?, ?, ?, ?, ?)";

    /** When each reseller's last sync completed, of those that completed one. */
    public static final String LAST_COMPLETED =
            "SELECT reseller_id, last_completed FROM eset_sync_cursor WHERE last_completed IS NOT NULL";
}
