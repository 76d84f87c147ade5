package dev.esetshop.sdk.jdbc;

import dev.esetshop.sdk.jdbc.internal.Db;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * How a JDBC adapter works with its database: the timeout of every statement (lock waits included) and who creates
 * and upgrades the tables. {@link #defaults()} is what {@code create(DataSource, ResellerId)} uses.
 *
 * @param queryTimeout the timeout of every statement, positive, in whole seconds (a part of a second counts as one;
 *     default 30 seconds)
 * @param schema who creates and upgrades the tables (default {@link JdbcStorage.Schema#APPLIED_BY_SDK}); with
 *     {@link JdbcStorage.Schema#MANAGED_BY_HOST} the tables are only checked, and an older schema is an error
 */
public record JdbcOptions(Duration queryTimeout, JdbcStorage.Schema schema) {

    /** The default timeout of every statement, lock waits included. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Db.DEFAULT_QUERY_TIMEOUT;

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public JdbcOptions {
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(schema, "schema");
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("the query timeout must be positive, not " + queryTimeout);
        }
    }

    /** A timeout of {@link #DEFAULT_QUERY_TIMEOUT}, the tables applied by the SDK. */
    public static JdbcOptions defaults() {
        return new JdbcOptions(DEFAULT_QUERY_TIMEOUT, JdbcStorage.Schema.APPLIED_BY_SDK);
    }

    /** These options with another timeout of every statement (positive). */
    public JdbcOptions withQueryTimeout(Duration queryTimeout) {
        return new JdbcOptions(queryTimeout, schema);
    }

    /** These options with another owner of the tables. */
    public JdbcOptions withSchema(JdbcStorage.Schema schema) {
        return new JdbcOptions(queryTimeout, schema);
    }

    /** The database of an adapter, its tables created, upgraded or checked as {@link #schema()} says. */
    Db open(DataSource dataSource) {
        Db db = new Db(dataSource, queryTimeout);
        db.ensureSchema(schema == JdbcStorage.Schema.MANAGED_BY_HOST);
        return db;
    }
}
