package dev.esetshop.sdk.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.esetshop.testkit.PostgresTestSchema;
import javax.sql.DataSource;

/** Every order journal test again on PostgreSQL (skipped without {@value TestDatabases#POSTGRES_URL}). */
class PostgresOrderJournalTest extends JdbcOrderJournalTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("journal");
    }

    @Override
    HikariDataSource newSerializableDatabase() {
        return serializablePool(PostgresTestSchema.freshSchemaUrl("journal"));
    }

    @Override
    int settledEntriesForThePlan() {
        return 1_000_000;
    }

    @Override
    String numbers(int n) {
        return "SELECT x FROM generate_series(1, " + n + ") AS series(x)";
    }

    @Override
    String fullScan() {
        return "Seq Scan";
    }

    @Override
    String waitingForALockQuery() {
        return "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()";
    }
}
