package dev.esetshop.testkit.storage;

import dev.esetshop.sdk.memory.InMemoryReminderJournal;
import dev.esetshop.sdk.remind.ReminderJournal;

/** The in-memory reminder journal runs the reminder journal contract; shops in one JVM share one instance. */
class InMemoryReminderJournalContractTest extends ReminderJournalContract {

    private InMemoryReminderJournal journal;

    @Override
    protected ReminderJournal newJournal() {
        journal = new InMemoryReminderJournal();
        return journal;
    }

    @Override
    protected ReminderJournal openAgain() {
        return journal;
    }
}
