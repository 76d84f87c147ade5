package dev.esetshop.sdk.jdbc;

import javax.sql.DataSource;

/** Every migration test of {@link JdbcMigrationTest} on PostgreSQL (skipped without a test server). */
class PostgresMigrationTest extends JdbcMigrationTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("migration");
    }

    @Override
    int startRounds() {
        return 20;
    }
}
