package dev.esetshop.modulepath;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Run by {@code ModulePathMigrationTest} in a JVM with the SDK on the module path: Flyway, an automatic module, must
 * find the scripts inside the named module {@code dev.esetshop.sdk}. Prints the schema version it ends with. In a
 * package of its own: a class-path class in one of the module's packages would not be found.
 */
public final class ModulePathMigration {

    private ModulePathMigration() {}

    public static void main(String[] args) throws SQLException {
        if (!JdbcStorage.class.getModule().isNamed()) {
            throw new IllegalStateException("the SDK is not on the module path here");
        }
        DataSource database = JdbcStorage.h2InMemory("module-path");
        JdbcStorage.migrate(database, ResellerId.of("ACME-1"));
        JdbcLicenseStore.create(database, ResellerId.of("ACME-1")).count();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT meta_value FROM eset_meta WHERE name = 'schema_version'")) {
            rows.next();
            System.out.println("schema " + rows.getString(1) + " in module "
                    + JdbcStorage.class.getModule().getName());
        }
    }
}
