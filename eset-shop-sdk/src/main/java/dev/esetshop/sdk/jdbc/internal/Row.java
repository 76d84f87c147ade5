package dev.esetshop.sdk.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The current row of a result, read column by column with the column's type. A required column that holds SQL NULL
 * is a {@link NullColumnException} (a damaged row), never a {@code null} handed on.
 */
public final class Row {

    /** Maps the current row to a value. */
    @FunctionalInterface
    public interface Mapper<T> {
        /** The row's value. */
        T map(Row row) throws SQLException;
    }

    /** A required column holds SQL NULL: the row is damaged. Its text names the column, never a value. */
    public static final class NullColumnException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        private final String why;

        NullColumnException(String column) {
            this.why = "its column " + column + " is NULL";
        }

        @Override
        public String getMessage() {
            return why;
        }
    }

    private final ResultSet rows;

    Row(ResultSet rows) {
        this.rows = rows;
    }

    /** A text column that may not be NULL. */
    public String string(String column) throws SQLException {
        String value = rows.getString(column);
        if (value == null) {
            throw new NullColumnException(column);
        }
        return value;
    }

    /** A text column, empty for SQL NULL. */
    public Optional<String> optionalString(String column) throws SQLException {
        return Optional.ofNullable(rows.getString(column));
    }

    /** An instant column that may not be NULL. */
    public Instant instant(String column) throws SQLException {
        return optionalInstant(column).orElseThrow(() -> new NullColumnException(column));
    }

    /** An instant column, empty for SQL NULL. */
    public Optional<Instant> optionalInstant(String column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /** A date column that may not be NULL. */
    public LocalDate date(String column) throws SQLException {
        LocalDate value = rows.getObject(column, LocalDate.class);
        if (value == null) {
            throw new NullColumnException(column);
        }
        return value;
    }

    /** An integer column that may not be NULL. */
    public int integer(String column) throws SQLException {
        int value = rows.getInt(column);
        if (rows.wasNull()) {
            throw new NullColumnException(column);
        }
        return value;
    }

    /** A long integer column that may not be NULL. */
    public long longInteger(String column) throws SQLException {
        long value = rows.getLong(column);
        if (rows.wasNull()) {
            throw new NullColumnException(column);
        }
        return value;
    }

    /** A boolean column that may not be NULL. */
    public boolean bool(String column) throws SQLException {
        boolean value = rows.getBoolean(column);
        if (rows.wasNull()) {
            throw new NullColumnException(column);
        }
        return value;
    }

    /** True when the column holds SQL NULL. */
    public boolean isNull(String column) throws SQLException {
        return rows.getObject(column) == null;
    }

    /** Moves to the next row of the result; false after the last. */
    public boolean next() throws SQLException {
        return rows.next();
    }

    /**
     * Why a row could not be read, for a message: a missing column's name, or the class of the check that failed
     * (whose message might quote a stored value).
     */
    public static String whyDamaged(RuntimeException failure) {
        return failure instanceof NullColumnException missing
                ? missing.why
                : failure.getClass().getSimpleName();
    }
}
