package dev.esetshop.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One transaction of {@link Db}: statements on its connection, each with the database's query timeout, their
 * parameters set through a {@link Binder} and their rows read through a {@link Row}. Its statements are closed before
 * the transaction ends.
 */
public final class Tx {

    /** Reads a whole result, from before its first row ({@link Row#next()} moves on). */
    @FunctionalInterface
    public interface Reader<T> {
        /** The result's value. */
        T read(Row rows) throws SQLException;
    }

    private final Connection connection;
    private final int timeoutSeconds;

    Tx(Connection connection, int timeoutSeconds) {
        this.connection = connection;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE}; returns the number of rows it changed. */
    public int update(String sql, Binder.Binding binding) throws SQLException {
        try (Statement statement = prepare(sql)) {
            return statement.update(binding);
        }
    }

    /** The rows of a query, mapped one by one. */
    public <T> List<T> list(String sql, Binder.Binding binding, Row.Mapper<T> mapper) throws SQLException {
        try (Statement statement = prepare(sql)) {
            return statement.list(binding, mapper);
        }
    }

    /** The first row of a query, mapped; empty when it has none. */
    public <T> Optional<T> first(String sql, Binder.Binding binding, Row.Mapper<T> mapper) throws SQLException {
        try (Statement statement = prepare(sql)) {
            return statement.first(binding, mapper);
        }
    }

    /** True when the query has a row. */
    public boolean exists(String sql, Binder.Binding binding) throws SQLException {
        return first(sql, binding, row -> Boolean.TRUE).isPresent();
    }

    /** A whole result read at once, of at most {@code maxRows} rows. */
    public <T> T read(String sql, Binder.Binding binding, int maxRows, Reader<T> reader) throws SQLException {
        try (Statement statement = prepare(sql)) {
            statement.prepared.setMaxRows(maxRows);
            Binder.bind(statement.prepared, binding);
            try (ResultSet rows = statement.prepared.executeQuery()) {
                return reader.read(new Row(rows));
            }
        }
    }

    /** A statement to run several times in this transaction (a lookup per row, a batch); the caller closes it. */
    public Statement prepare(String sql) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(sql);
        try {
            prepared.setQueryTimeout(timeoutSeconds);
        } catch (SQLException e) {
            prepared.close();
            throw e;
        }
        return new Statement(prepared);
    }

    /**
     * Ends the transaction without its changes, for work that must go on after a statement failed: PostgreSQL refuses
     * every further statement of a transaction once one failed.
     */
    public void rollback() throws SQLException {
        connection.rollback();
    }

    /** The connection, for what the statements above do not cover (the schema's metadata, DDL with a timeout). */
    public Connection connection() {
        return connection;
    }

    /** A prepared statement with the query timeout, run as often as needed and then closed. */
    public static final class Statement implements AutoCloseable {

        private final PreparedStatement prepared;

        private Statement(PreparedStatement prepared) {
            this.prepared = prepared;
        }

        /** Runs the statement with these parameters; returns the number of rows it changed. */
        public int update(Binder.Binding binding) throws SQLException {
            Binder.bind(prepared, binding);
            return prepared.executeUpdate();
        }

        /** The rows with these parameters, mapped one by one. */
        public <T> List<T> list(Binder.Binding binding, Row.Mapper<T> mapper) throws SQLException {
            Binder.bind(prepared, binding);
            List<T> mapped = new ArrayList<>();
            try (ResultSet rows = prepared.executeQuery()) {
                Row row = new Row(rows);
                while (rows.next()) {
                    mapped.add(mapper.map(row));
                }
            }
            return mapped;
        }

        /** The first row with these parameters, mapped; empty when there is none. */
        public <T> Optional<T> first(Binder.Binding binding, Row.Mapper<T> mapper) throws SQLException {
            Binder.bind(prepared, binding);
            try (ResultSet rows = prepared.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(new Row(rows))) : Optional.empty();
            }
        }

        /** Adds a row of parameters to the batch. */
        public void addBatch(Binder.Binding binding) throws SQLException {
            Binder.bind(prepared, binding);
            prepared.addBatch();
        }

        /** Runs the batch. */
        public void executeBatch() throws SQLException {
            prepared.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            prepared.close();
        }
    }
}
