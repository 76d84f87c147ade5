package dev.esetshop.examples.cli;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** The multi-instance commands on PostgreSQL ({@code ESET_SHOP_TEST_POSTGRES_URL}; skipped without it, not in CI). */
class PostgresFleetCommandsTest extends FleetCommandsTest {

    @Override
    String jdbcUrl() {
        String url = System.getenv("ESET_SHOP_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String how = "PostgreSQL tests need ESET_SHOP_TEST_POSTGRES_URL (a throw-away database): run"
                    + " `export ESET_SHOP_TEST_POSTGRES_URL=$(.ci/postgres start /tmp/eset-shop-pg)` first";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how + "; CI must run them");
            }
            Assumptions.abort("skipped: " + how);
        }
        return url;
    }
}
