package dev.esetshop.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The plain-JDBC plumbing the adapters share: table lookups, lease conditions, precision and redaction. */
public final class Sql {

    private Sql() {}

    /**
     * True when the table exists. Unquoted names are looked up as the database folds them (upper case on H2, lower
     * case on PostgreSQL).
     */
    static boolean tableExists(Connection connection, String table) throws SQLException {
        return exists(connection.getMetaData(), connection.getSchema(), table, null);
    }

    /** True when the table has the column. */
    static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        return exists(connection.getMetaData(), connection.getSchema(), table, column);
    }

    /**
     * Looks in the connection's current schema only: a PostgreSQL database shared by several schemas (one per test,
     * or per tenant) has the same table names in each.
     */
    private static boolean exists(DatabaseMetaData metadata, String schema, String table, @Nullable String column)
            throws SQLException {
        for (boolean upper : new boolean[] {true, false}) {
            String tableName = upper ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
            try (ResultSet rows = column == null
                    ? metadata.getTables(null, schema, tableName, null)
                    : metadata.getColumns(
                            null,
                            schema,
                            tableName,
                            upper ? column.toUpperCase(Locale.ROOT) : column.toLowerCase(Locale.ROOT))) {
                if (rows.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The driver's exception without its text: H2 quotes the offending value, pgjdbc whole statements with their
     * parameters (a license key among them). The SQL state, the vendor code and where it was thrown are kept; the
     * chained and next exceptions are dropped, as they carry the same text.
     */
    public static SQLException redacted(SQLException cause) {
        SQLException kept = new SQLException(
                cause.getClass().getSimpleName() + " (driver message withheld)",
                cause.getSQLState(),
                cause.getErrorCode());
        kept.setStackTrace(cause.getStackTrace());
        return kept;
    }

    /**
     * The SQL condition "the lease in {@code column} has lapsed", with one parameter: the caller's {@code now}. A lease
     * lapses only once both the caller's clock and the database's have reached its end, so an instance whose clock
     * runs ahead of the others' never takes over a lease that is live on the database's clock (the database's clock
     * is the one every instance sharing it reads), while a caller's own earlier {@code now} still decides as
     * {@link dev.esetshop.sdk.internal.ClaimLeases} says. {@code CURRENT_TIMESTAMP} is the transaction's start on
     * both H2 and PostgreSQL: each claim runs in a transaction of its own.
     */
    public static String leaseLapsed(String column) {
        return "(" + column + " <= ? AND " + column + " <= CURRENT_TIMESTAMP)";
    }

    /**
     * A failure of Flyway without its text, as {@link #redacted(SQLException)} keeps a driver's: Flyway's message
     * quotes the failed statement and the driver's message, which may quote a stored value (a license key) or a JDBC
     * URL. The SQL state and vendor code of the driver's exception under it, if any, and where it was thrown are kept.
     */
    public static SQLException redactedMigrationFailure(RuntimeException failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        SQLException driver = (SQLException) cause;
        SQLException kept = new SQLException(
                failure.getClass().getSimpleName() + " (message withheld)",
                driver == null ? null : driver.getSQLState(),
                driver == null ? 0 : driver.getErrorCode());
        kept.setStackTrace(failure.getStackTrace());
        return kept;
    }

    private static final Pattern URL_CREDENTIALS =
            Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword|sslkey_?password|secret|token)\\s*=)[^&;]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//)[^/@?;]*@");

    /**
     * A JDBC URL as it may be shown in a {@code toString}, a log line or an exception: the values of its
     * {@code password=} (and the like) settings, in a query or after H2's {@code ;}, and its user info masked.
     */
    public static String redactedUrl(String jdbcUrl) {
        String masked = URL_CREDENTIALS.matcher(jdbcUrl).replaceAll("$1***");
        return URL_USER_INFO.matcher(masked).replaceAll("$1***@");
    }

    /** True when the database refused a row because its key already exists. */
    public static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().equals("23505");
    }

    /** An instant at the microsecond precision both H2 and PostgreSQL keep, so a stored value reads back equal. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
