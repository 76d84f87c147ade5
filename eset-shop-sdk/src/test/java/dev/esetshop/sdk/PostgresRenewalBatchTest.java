package dev.esetshop.sdk;

import dev.esetshop.sdk.jdbc.TestDatabases;
import javax.sql.DataSource;

/** Every batch renewal test of {@link RenewalBatchTest} on PostgreSQL (skipped without a test server). */
class PostgresRenewalBatchTest extends RenewalBatchTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("batch");
    }
}
