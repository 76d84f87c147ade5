package dev.esetshop.sdk;

import dev.esetshop.sdk.jdbc.TestDatabases;
import javax.sql.DataSource;

/** Every test of {@link WireTextTest} on PostgreSQL (skipped without a test server, failed under CI). */
class PostgresWireTextTest extends WireTextTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("wire_text");
    }
}
