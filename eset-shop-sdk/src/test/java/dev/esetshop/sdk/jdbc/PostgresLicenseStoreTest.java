package dev.esetshop.sdk.jdbc;

import javax.sql.DataSource;

/** Every license store test again on PostgreSQL (skipped without {@value TestDatabases#POSTGRES_URL}). */
class PostgresLicenseStoreTest extends JdbcLicenseStoreTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("licenses");
    }
}
