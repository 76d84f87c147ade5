package dev.esetshop.testkit.storage;

import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.sdk.order.OrderJournal;

/** The in-memory order journal runs the order journal contract; shops in one JVM share one instance. */
class InMemoryOrderJournalContractTest extends OrderJournalContract {

    private InMemoryOrderJournal journal;

    @Override
    protected OrderJournal newJournal() {
        journal = new InMemoryOrderJournal();
        return journal;
    }

    @Override
    protected OrderJournal openAgain() {
        return journal;
    }
}
