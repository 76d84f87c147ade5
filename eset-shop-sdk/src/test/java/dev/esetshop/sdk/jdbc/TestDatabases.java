package dev.esetshop.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the JDBC tests run on: H2 in memory always, and PostgreSQL when the environment variable
 * {@value #POSTGRES_URL} names a throw-away database ({@code .ci/postgres start DIR} starts one and prints its URL).
 * Each test gets a database of its own: a fresh H2 database, or a fresh schema on the PostgreSQL server. Without the
 * variable the PostgreSQL tests are skipped with a message that says how to run them; under {@code CI=true} they fail
 * instead, since CI must run them.
 */
public final class TestDatabases {

    /** The environment variable with the JDBC URL of the PostgreSQL test database. */
    public static final String POSTGRES_URL = "ESET_SHOP_TEST_POSTGRES_URL";

    private TestDatabases() {}

    /** A fresh in-memory H2 database. */
    public static DataSource h2(String prefix) {
        return JdbcStorage.h2InMemory(prefix + "-" + UUID.randomUUID());
    }

    /** A fresh schema on the PostgreSQL test server; skips (or, in CI, fails) the test when there is none. */
    public static DataSource postgres(String prefix) {
        String url = postgresUrl();
        String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + POSTGRES_URL + ": " + e.getMessage(), e);
        }
        return JdbcStorage.url(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    /** The PostgreSQL test URL; skips the test when it is not set, fails it under {@code CI=true}. */
    public static String postgresUrl() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            String how = "PostgreSQL tests need " + POSTGRES_URL + " (a throw-away database): run"
                    + " `export " + POSTGRES_URL + "=$(.ci/postgres start /tmp/eset-shop-pg)` first";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how + "; CI must run them");
            }
            Assumptions.abort("skipped: " + how);
        }
        return url;
    }
}
