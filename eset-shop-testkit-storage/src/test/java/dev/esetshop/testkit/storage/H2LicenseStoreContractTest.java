package dev.esetshop.testkit.storage;

import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.license.LicenseStore;
import javax.sql.DataSource;

/** The JDBC license store on H2 runs the license store contract, each test on a database of its own. */
class H2LicenseStoreContractTest extends LicenseStoreContract {

    private DataSource database;

    @Override
    protected LicenseStore newStore() {
        database = Databases.h2("licenses");
        return JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
    }

    @Override
    protected LicenseStore openAgain() {
        return JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
    }
}
