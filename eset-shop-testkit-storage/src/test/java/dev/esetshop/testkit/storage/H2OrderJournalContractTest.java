package dev.esetshop.testkit.storage;

import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.order.OrderJournal;
import javax.sql.DataSource;

/** The JDBC order journal on H2 runs the order journal contract, each test on a database of its own. */
class H2OrderJournalContractTest extends OrderJournalContract {

    private DataSource database;

    @Override
    protected OrderJournal newJournal() {
        database = Databases.h2("journal");
        return JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
    }

    @Override
    protected OrderJournal openAgain() {
        return JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
    }
}
