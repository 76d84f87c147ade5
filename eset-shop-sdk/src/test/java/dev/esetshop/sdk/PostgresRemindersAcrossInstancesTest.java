package dev.esetshop.sdk;

import dev.esetshop.sdk.jdbc.TestDatabases;
import javax.sql.DataSource;

/** Every test of {@link RemindersAcrossInstancesTest} on PostgreSQL (skipped without a test server). */
class PostgresRemindersAcrossInstancesTest extends RemindersAcrossInstancesTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("reminders");
    }
}
