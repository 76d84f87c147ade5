package dev.esetshop.sdk.jdbc;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.sdk.jdbc.internal.ConnectionPool;
import dev.esetshop.sdk.jdbc.internal.Db;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The database of the JDBC adapters: its schema, and data sources for hosts that have none of their own (an embedded
 * H2 database in a file or in memory, or any JDBC URL). The H2 driver is not a dependency of the SDK: add
 * {@code com.h2database:h2} to use these. A host on PostgreSQL passes its own pooled {@link DataSource} to
 * {@link JdbcLicenseStore#create(DataSource, ResellerId)} and {@link JdbcOrderJournal#create(DataSource, ResellerId)},
 * and {@link JdbcOptions} to either to change the statements' timeout or to apply the schema itself.
 *
 * <p>The schema is a set of Flyway scripts in the SDK jar at {@value #MIGRATIONS_LOCATION}, with their own history
 * table {@value #HISTORY_TABLE}. The adapters apply them on first use when the database is older than the SDK, unless
 * created with {@link Schema#MANAGED_BY_HOST}; such a host runs {@link #migrate} in its own migration step (never the
 * location inside its own Flyway, whose {@code V1} would meet the SDK's). Every row belongs
 * to a reseller; a one-reseller host uses {@link #DEFAULT_RESELLER}.
 */
public final class JdbcStorage {

    /**
     * The reseller of a one-reseller host's adapters, and of the rows of a single-reseller database of SDK 0.1 unless
     * {@link #migrate(DataSource, ResellerId)} names another.
     */
    public static final ResellerId DEFAULT_RESELLER = ResellerId.of(Db.DEFAULT_RESELLER);

    /** Where the SDK's Flyway scripts are in its jar, for a host that applies them with its own Flyway. */
    public static final String MIGRATIONS_LOCATION = Db.MIGRATIONS;

    /** The Flyway history table of the SDK's scripts, apart from a host's own {@code flyway_schema_history}. */
    public static final String HISTORY_TABLE = Db.HISTORY_TABLE;

    /** Who creates and upgrades the SDK's tables ({@link JdbcOptions#schema()}). */
    public enum Schema {
        /** The adapters apply the SDK's Flyway scripts when the database is older than the SDK (the default). */
        APPLIED_BY_SDK,
        /** The host applies them ({@link #migrate} in its own migration step); the adapters refuse an older database. */
        MANAGED_BY_HOST
    }

    // Kept open while the JVM runs, as a pool with no idle connection would otherwise reopen the database; an 8 MB
    // page cache instead of H2's 64 MB default keeps the embedded store small in the host's heap (a 100,000-license
    // report runs in a 64 MB heap) at no measurable cost for a license book.
    private static final String H2_SETTINGS = ";DB_CLOSE_DELAY=-1;CACHE_SIZE=8192";

    /** The most connections a pool of {@link #url(String)}, {@link #h2(Path)} and the like opens at once. */
    public static final int MAX_POOL_SIZE = 10;

    private JdbcStorage() {}

    /**
     * Creates or upgrades the SDK's tables now. A database of the single-reseller layout (SDK 0.1, tables without a
     * reseller column) is migrated in place and its rows go to {@code ownerOfSingleResellerRows}; call this before
     * the first adapter opens such a database, or its rows go to {@link #DEFAULT_RESELLER}.
     *
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached or migrated
     */
    public static void migrate(DataSource dataSource, ResellerId ownerOfSingleResellerRows) {
        Objects.requireNonNull(ownerOfSingleResellerRows, "ownerOfSingleResellerRows");
        new Db(dataSource, Db.DEFAULT_QUERY_TIMEOUT).migrate(ownerOfSingleResellerRows.value());
    }

    /**
     * An embedded H2 database in a file ({@code file} plus H2's {@code .mv.db} suffix), created when missing and
     * kept open until the JVM exits, with an 8 MB page cache.
     *
     * @throws IllegalArgumentException when the path holds a character that the JDBC URL would read as a setting
     *     ({@code ;}, as in {@code shop;INIT=RUNSCRIPT FROM ...}) or a line break
     */
    public static DataSource h2(Path file) {
        Objects.requireNonNull(file, "file");
        String path = file.toAbsolutePath().toString();
        // H2 reads everything after a ';' as settings, INIT among them, which runs SQL on every connect
        if (path.chars().anyMatch(c -> c == ';' || c == '\n' || c == '\r' || c == 0)) {
            throw new IllegalArgumentException("an H2 database path must not contain ';' or line breaks: "
                    + "they would be read as database settings");
        }
        return url("jdbc:h2:file:" + path + H2_SETTINGS);
    }

    /** An embedded in-memory H2 database shared by every data source of the same name in this JVM. */
    public static DataSource h2InMemory(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || !name.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("an in-memory database name has letters, digits, - and _ only");
        }
        return url("jdbc:h2:mem:" + name + H2_SETTINGS);
    }

    /**
     * A HikariCP pool of at most {@value #MAX_POOL_SIZE} connections to the JDBC URL, without credentials (they may be
     * in the URL). No connection is opened before the first use; idle ones are closed after a minute. The pool is an
     * {@link AutoCloseable}: a host that is done with it before the JVM exits closes it.
     */
    public static DataSource url(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return pool(jdbcUrl, null, null);
    }

    /** As {@link #url(String)}, with these credentials. */
    public static DataSource url(String jdbcUrl, String user, Secret password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return pool(jdbcUrl, user, password);
    }

    private static DataSource pool(String jdbcUrl, @Nullable String user, @Nullable Secret password) {
        return new ConnectionPool(jdbcUrl, user, password, MAX_POOL_SIZE);
    }
}
