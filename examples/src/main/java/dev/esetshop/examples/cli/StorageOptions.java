package dev.esetshop.examples.cli;

import dev.esetshop.core.Secret;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import picocli.CommandLine.Option;

/**
 * Where a command keeps its storage: an embedded H2 file ({@code --db PATH}, the default) or any database by JDBC URL
 * ({@code --jdbc-url URL}, e.g. PostgreSQL shared by several instances), its user and password from the environment.
 */
final class StorageOptions {

    /** The environment variable with the database user of {@code --jdbc-url}. */
    static final String DB_USER = "ESET_SHOP_DB_USER";
    /** The environment variable with the database password of {@code --jdbc-url}. */
    static final String DB_PASSWORD = "ESET_SHOP_DB_PASSWORD";

    /** Where the database credentials are read from; tests put a map of their own here. */
    static Supplier<Map<String, String>> environment = System::getenv;

    @Option(
            names = "--db",
            paramLabel = "PATH",
            description =
                    "The H2 database file (without .mv.db) of the license book and order journal (default: ~/.eset-shop/shop).")
    private Path db;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            description = "A database by JDBC URL instead of the H2 file, e.g. jdbc:postgresql://host/db; user and"
                    + " password from " + DB_USER + " and " + DB_PASSWORD + ".")
    private String jdbcUrl;

    /** The JDBC URL, when one was given. */
    Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    /** The H2 file, when no JDBC URL was given. */
    Path h2File() {
        return db != null ? db : Path.of(System.getProperty("user.home"), ".eset-shop", "shop");
    }

    /** The arguments that open the same storage in another process. */
    java.util.List<String> asArguments() {
        return jdbcUrl != null
                ? java.util.List.of("--jdbc-url", jdbcUrl)
                : java.util.List.of("--db", h2File().toAbsolutePath().toString());
    }

    /**
     * The database: a pool on the JDBC URL, or the private H2 file (see {@link ShopOptions#privateDatabase}).
     *
     * @throws IllegalArgumentException when both --db and --jdbc-url are given
     */
    DataSource open() throws IOException {
        if (jdbcUrl != null && db != null) {
            throw new IllegalArgumentException("give --db or --jdbc-url, not both");
        }
        if (jdbcUrl == null) {
            return ShopOptions.privateDatabase(h2File());
        }
        Map<String, String> variables = environment.get();
        String user = variables.getOrDefault(DB_USER, "");
        return user.isBlank()
                ? JdbcStorage.url(jdbcUrl)
                : JdbcStorage.url(jdbcUrl, user, Secret.of(variables.getOrDefault(DB_PASSWORD, "")));
    }

    /** True when the storage is the H2 file (whose permissions the commands restrict). */
    boolean isH2File() {
        return jdbcUrl == null;
    }
}
