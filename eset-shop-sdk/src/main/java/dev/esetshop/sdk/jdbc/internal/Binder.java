package dev.esetshop.sdk.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Sets a statement's parameters in the order of its {@code ?} marks, each with the type of its column: an absent
 * optional value is SQL NULL, and an instant is stored at the microsecond ({@link Sql#storable}) as a
 * {@code TIMESTAMP WITH TIME ZONE} in UTC.
 */
public final class Binder {

    /** The parameters of one statement, set through a binder. */
    @FunctionalInterface
    public interface Binding {
        /** Sets the parameters. */
        void bind(Binder binder) throws SQLException;
    }

    /** The binding of a statement without parameters. */
    public static final Binding NONE = binder -> {};

    private final PreparedStatement statement;
    private int next = 1;

    Binder(PreparedStatement statement) {
        this.statement = statement;
    }

    /** A text that may not be NULL. */
    public Binder string(String value) throws SQLException {
        statement.setString(next++, value);
        return this;
    }

    /** A text, or SQL NULL when null. */
    public Binder nullableString(@Nullable String value) throws SQLException {
        if (value != null) {
            return string(value);
        }
        statement.setNull(next++, Types.VARCHAR);
        return this;
    }

    /** An instant that may not be NULL. */
    public Binder instant(Instant value) throws SQLException {
        statement.setObject(next++, OffsetDateTime.ofInstant(Sql.storable(value), ZoneOffset.UTC));
        return this;
    }

    /** An instant, or SQL NULL when null. */
    public Binder nullableInstant(@Nullable Instant value) throws SQLException {
        if (value != null) {
            return instant(value);
        }
        statement.setNull(next++, Types.TIMESTAMP_WITH_TIMEZONE);
        return this;
    }

    /** A date. */
    public Binder date(LocalDate value) throws SQLException {
        statement.setObject(next++, value);
        return this;
    }

    /** An integer. */
    public Binder integer(int value) throws SQLException {
        statement.setInt(next++, value);
        return this;
    }

    /** A boolean. */
    public Binder bool(boolean value) throws SQLException {
        statement.setBoolean(next++, value);
        return this;
    }

    /** Binds the statement's parameters afresh (a prepared statement run again, or a batch's next row). */
    static void bind(PreparedStatement statement, Binding binding) throws SQLException {
        binding.bind(new Binder(statement));
    }
}
