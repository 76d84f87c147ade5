package dev.esetshop.sdk.jdbc;

import javax.sql.DataSource;

/** Every order journal test again on PostgreSQL (skipped without {@value TestDatabases#POSTGRES_URL}). */
class PostgresOrderJournalTest extends JdbcOrderJournalTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("journal");
    }
}
