package dev.esetshop.sdk;

import dev.esetshop.testkit.PostgresTestSchema;

/** Every test of {@link EsetShopsJournalPoolTest} on PostgreSQL (skipped without a test server, failed in CI). */
class PostgresEsetShopsJournalPoolTest extends EsetShopsJournalPoolTest {

    @Override
    String newDatabaseUrl() {
        return PostgresTestSchema.freshSchemaUrl("journal_pool");
    }
}
