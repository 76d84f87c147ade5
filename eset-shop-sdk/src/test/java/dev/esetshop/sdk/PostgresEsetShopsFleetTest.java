package dev.esetshop.sdk;

import dev.esetshop.sdk.jdbc.TestDatabases;
import dev.esetshop.testkit.PostgresTestSchema;
import javax.sql.DataSource;

/** Every fleet test of {@link EsetShopsFleetTest} on PostgreSQL (skipped without a test server). */
class PostgresEsetShopsFleetTest extends EsetShopsFleetTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("fleet");
    }

    @Override
    String newDatabaseUrl() {
        return PostgresTestSchema.freshSchemaUrl("fleet");
    }
}
