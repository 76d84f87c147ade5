package dev.esetshop.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema per test on a throw-away PostgreSQL server named by the environment variable {@value #URL_VARIABLE}
 * (a JDBC URL with its credentials). Without the variable the calling test is skipped with a message that says how
 * to run it; under {@code CI=true} it fails instead, since CI must run it. Needs the PostgreSQL JDBC driver on the
 * test class path.
 */
public final class PostgresTestSchema {

    /** The environment variable with the JDBC URL of the PostgreSQL test database. */
    public static final String URL_VARIABLE = "ESET_SHOP_TEST_POSTGRES_URL";

    private PostgresTestSchema() {}

    /**
     * Creates a new, empty schema on the test server and returns the URL that makes it the connections' current
     * schema ({@code currentSchema=}), so every test sees only its own tables.
     *
     * @param prefix the start of the schema's name, for people who look at the server (letters, digits, _)
     * @return the JDBC URL of the fresh schema
     * @throws IllegalStateException when the schema cannot be created
     */
    public static String freshSchemaUrl(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String url = serverUrl();
        String schema = (prefix + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create schema " + schema + " at " + URL_VARIABLE + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * The test server's URL; skips the calling test when {@value #URL_VARIABLE} is not set, fails it under
     * {@code CI=true}.
     *
     * @return the JDBC URL of the test server
     */
    public static String serverUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String how = "PostgreSQL tests need " + URL_VARIABLE + " (a throw-away database): run" + " `export "
                    + URL_VARIABLE + "=$(.ci/postgres start /tmp/eset-shop-pg)` first";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(how + "; CI must run them");
            }
            Assumptions.abort("skipped: " + how);
        }
        return url;
    }
}
