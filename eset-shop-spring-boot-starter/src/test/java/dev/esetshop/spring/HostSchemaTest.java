package dev.esetshop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.EsetSandbox;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue 18 §5: the SDK's scripts beside a Boot host's own Flyway, each with its own history table, in the ways the
 * starter's guide (docs/spring-boot.md) describes; the schema is in place when the application has started.
 */
class HostSchemaTest {

    private static EsetSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = EsetSandbox.builder().seed(7).licenses(3).start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** A Boot host with its own Flyway (scripts in classpath:db/migration, V1 among them) and the starter. */
    private static ApplicationContextRunner host(DataSource database) {
        ResellerDirectory directory = StarterFixtures.directory(sandbox, 1);
        return new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(FlywayAutoConfiguration.class, EsetShopAutoConfiguration.class))
                .withBean(ResellerDirectory.class, () -> directory)
                .withBean(DataSource.class, () -> database)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false");
    }

    @Test
    void theHostsFlywayAndTheSdkKeepTheirOwnHistoriesAndTheTablesAreThereAtStart() {
        DataSource database = StarterFixtures.database("host-flyway-fresh");
        host(database).run(context -> {
            assertThat(context).hasNotFailed();
            // nothing asked for a shop yet: the start applied the SDK's scripts
            assertThat(tables(database)).contains("HOST_CUSTOMER", "ESET_ORDER_JOURNAL", "ESET_LICENSE");
            // the host's Flyway ran first, on the empty schema; the SDK's then found the host's table and baselined
            // below its own first script
            assertThat(history(database, "flyway_schema_history")).containsExactly("1:SQL");
            assertThat(history(database, JdbcStorage.HISTORY_TABLE))
                    .containsExactlyElementsOf(withBaseline(SDK_SCRIPTS));
        });
    }

    @Test
    void aHostThatManagesTheSchemaRunsTheSdksMigrationFromItsFlywayStrategy() {
        DataSource database = StarterFixtures.database("host-flyway-managed");
        host(database)
                .withBean(FlywayMigrationStrategy.class, () -> flyway -> {
                    JdbcStorage.migrate(flyway.getConfiguration().getDataSource(), JdbcStorage.DEFAULT_RESELLER);
                    flyway.migrate();
                })
                .withPropertyValues(
                        "eset.shop.storage.schema-managed-by-host=true",
                        "spring.flyway.baseline-on-migrate=true",
                        "spring.flyway.baseline-version=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EsetShops.class).openOrders().pending())
                            .isZero();
                    assertThat(history(database, "flyway_schema_history")).containsExactly("0:BASELINE", "1:SQL");
                    assertThat(history(database, JdbcStorage.HISTORY_TABLE)).containsExactlyElementsOf(SDK_SCRIPTS);
                });
    }

    @Test
    void aHostAdoptingFlywayAfterTheSdksTablesExistBaselinesBelowItsFirstScript() {
        DataSource database = StarterFixtures.database("host-flyway-later");
        JdbcStorage.migrate(database, JdbcStorage.DEFAULT_RESELLER);

        // Flyway's default refuses a schema that has tables but no history of its own ...
        host(database).run(context -> assertThat(context).hasFailed());
        // ... a baseline at version 0 keeps the host's V1 and runs it
        host(database)
                .withPropertyValues("spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(tables(database)).contains("HOST_CUSTOMER");
                    assertThat(history(database, "flyway_schema_history")).containsExactly("0:BASELINE", "1:SQL");
                    assertThat(history(database, JdbcStorage.HISTORY_TABLE)).containsExactlyElementsOf(SDK_SCRIPTS);
                });
    }

    /** The SDK's scripts as its history table records them (V1 to V5 in db/eset-shop). */
    private static final List<String> SDK_SCRIPTS = List.of("1:SQL", "2:SQL", "3:SQL", "4:SQL", "5:SQL", "6:SQL");

    private static List<String> withBaseline(List<String> scripts) {
        List<String> rows = new ArrayList<>(List.of("0:BASELINE"));
        rows.addAll(scripts);
        return rows;
    }

    private static List<String> tables(DataSource database) throws SQLException {
        try (var connection = database.getConnection();
                var rows = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            }
            return names;
        }
    }

    /** A Flyway history by version and type, without Flyway's own markers (rows of no version). */
    private static List<String> history(DataSource database, String table) throws SQLException {
        try (var connection = database.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT \"version\", \"type\" FROM \"" + table
                        + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> history = new ArrayList<>();
            while (rows.next()) {
                history.add(rows.getString(1) + ":" + rows.getString(2));
            }
            return history;
        }
    }
}
