package dev.esetshop.testkit.storage;

import dev.esetshop.sdk.jdbc.JdbcReminderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.remind.ReminderJournal;
import javax.sql.DataSource;

/** The JDBC reminder journal on H2 runs the reminder journal contract, each test on a database of its own. */
class H2ReminderJournalContractTest extends ReminderJournalContract {

    private DataSource database;

    @Override
    protected ReminderJournal newJournal() {
        database = Databases.h2("reminders");
        return JdbcReminderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
    }

    @Override
    protected ReminderJournal openAgain() {
        return JdbcReminderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
    }
}
