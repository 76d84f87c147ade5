package dev.esetshop.sdk;

import dev.esetshop.sdk.jdbc.TestDatabases;
import javax.sql.DataSource;

/** Every test of {@link PurchaseKeyTest} on PostgreSQL (skipped without a test server, failed under CI). */
class PostgresPurchaseKeyTest extends PurchaseKeyTest {

    @Override
    DataSource newDatabase() {
        return TestDatabases.postgres("purchase_key");
    }
}
