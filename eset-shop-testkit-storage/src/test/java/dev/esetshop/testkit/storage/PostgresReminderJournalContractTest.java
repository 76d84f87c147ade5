package dev.esetshop.testkit.storage;

import dev.esetshop.sdk.jdbc.JdbcReminderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.remind.ReminderJournal;
import javax.sql.DataSource;

/** The JDBC reminder journal on PostgreSQL runs the reminder journal contract, each test on a database of its own. */
class PostgresReminderJournalContractTest extends ReminderJournalContract {

    private DataSource database;

    @Override
    protected ReminderJournal newJournal() {
        database = Databases.postgres("reminders");
        return JdbcReminderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
    }

    @Override
    protected ReminderJournal openAgain() {
        return JdbcReminderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
    }
}
