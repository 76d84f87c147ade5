package dev.esetshop.sdk.jdbc;

import dev.esetshop.testkit.PostgresTestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The databases the JDBC tests run on: H2 in memory always, and PostgreSQL when the environment variable
 * {@value #POSTGRES_URL} names a throw-away database ({@code .ci/postgres start DIR} starts one and prints its URL).
 * Each test gets a database of its own: a fresh H2 database, or a fresh schema on the PostgreSQL server. Without the
 * variable the PostgreSQL tests are skipped with a message that says how to run them; under {@code CI=true} they fail
 * instead, since CI must run them.
 */
public final class TestDatabases {

    /** The environment variable with the JDBC URL of the PostgreSQL test database. */
    public static final String POSTGRES_URL = PostgresTestSchema.URL_VARIABLE;

    private TestDatabases() {}

    /** A fresh in-memory H2 database. */
    public static DataSource h2(String prefix) {
        return JdbcStorage.h2InMemory(prefix + "-" + UUID.randomUUID());
    }

    /** A fresh schema on the PostgreSQL test server; skips (or, in CI, fails) the test when there is none. */
    public static DataSource postgres(String prefix) {
        return JdbcStorage.url(PostgresTestSchema.freshSchemaUrl(prefix));
    }

    /** The PostgreSQL test URL; skips the test when it is not set, fails it under {@code CI=true}. */
    public static String postgresUrl() {
        return PostgresTestSchema.serverUrl();
    }

    /**
     * The database's own clock now: tests of leases decided on the database's clock place the instances' clocks
     * relative to it (one runs on it, another minutes ahead) instead of relying on the test machine's clock.
     */
    public static Instant databaseNow(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's clock", e);
        }
    }
}
