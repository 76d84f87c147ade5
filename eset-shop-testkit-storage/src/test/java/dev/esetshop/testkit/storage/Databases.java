package dev.esetshop.testkit.storage;

import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.PostgresTestSchema;
import java.util.UUID;
import javax.sql.DataSource;

/** Fresh databases for the JDBC adapters: an in-memory H2 database, or a new schema on the PostgreSQL test server. */
final class Databases {

    private Databases() {}

    static DataSource h2(String prefix) {
        return JdbcStorage.h2InMemory(prefix + "-" + UUID.randomUUID());
    }

    /** Skipped without {@value PostgresTestSchema#URL_VARIABLE}, failed without it under {@code CI=true}. */
    static DataSource postgres(String prefix) {
        return JdbcStorage.url(PostgresTestSchema.freshSchemaUrl(prefix));
    }
}
