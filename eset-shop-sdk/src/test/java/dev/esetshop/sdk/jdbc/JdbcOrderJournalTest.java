package dev.esetshop.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.JournalEntry.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcOrderJournalTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private DataSource dataSource;
    private JdbcOrderJournal journal;

    /** A fresh, empty database for one test: H2 here, PostgreSQL in the subclass that runs every test there too. */
    DataSource newDatabase() {
        return TestDatabases.h2("journal");
    }

    @BeforeEach
    void freshDatabase() {
        dataSource = newDatabase();
        journal = JdbcOrderJournal.create(dataSource);
    }

    @Test
    void aPendingEntryReadsBackAsWritten() {
        JournalEntry entry = pending("k-1", T0).claimedBy("shop-a").claimedUntil(T0.plus(LEASE)).build();

        journal.recordPending(entry);

        assertThat(journal.find(entry.key())).contains(entry);
        assertThat(journal.find(IdempotencyKey.of("other"))).isEmpty();
    }

    @Test
    void theLatestEntriesComeNewestFirstOptionallyOfOneState() {
        journal.recordPending(pending("old", T0).build());
        journal.recordPending(pending("mid", T0.plusSeconds(60)).build());
        journal.recordPending(pending("new", T0.plusSeconds(120)).build());
        journal.claim(IdempotencyKey.of("mid"), "shop-a", T0.plusSeconds(60), LEASE);
        assertThat(journal.confirm(IdempotencyKey.of("mid"), "shop-a", "ORD-1", "3AB-7KQ-XD2", T0.plusSeconds(61),
                LEASE)).isTrue();

        assertThat(journal.latest(Optional.empty(), 10)).extracting(entry -> entry.key().value())
                .containsExactly("new", "mid", "old");
        assertThat(journal.latest(Optional.empty(), 2)).extracting(entry -> entry.key().value())
                .containsExactly("new", "mid");
        assertThat(journal.latest(Optional.of(State.PENDING), 10)).extracting(entry -> entry.key().value())
                .containsExactly("new", "old");
        assertThat(journal.latest(Optional.of(State.CONFIRMED), 10)).singleElement()
                .satisfies(entry -> assertThat(entry.orderNumber()).contains("ORD-1"));
        assertThat(journal.latest(Optional.of(State.REJECTED), 10)).isEmpty();
    }

    @Test
    void recordingTheSameKeyTwiceIsAStorageErrorThatNamesTheKey() {
        journal.recordPending(pending("dup", T0).build());

        assertThatThrownBy(() -> journal.recordPending(pending("dup", T0.plusSeconds(1)).build()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("already has an entry with idempotency key dup");
        assertThat(journal.find(IdempotencyKey.of("dup")).orElseThrow().createdAt()).isEqualTo(T0);
    }

    @Test
    void aLiveClaimKeepsOtherOwnersOutUntilItLapses() {
        IdempotencyKey key = record("k", T0);

        Optional<JournalEntry> first = journal.claim(key, "shop-a", T0, LEASE);
        assertThat(first).isPresent();
        assertThat(first.get().claimedBy()).contains("shop-a");
        assertThat(first.get().claimedUntil()).contains(T0.plus(LEASE));

        assertThat(journal.claim(key, "shop-b", T0.plus(LEASE), LEASE)).isEmpty();
        assertThat(journal.claim(key, "shop-a", T0.plusSeconds(30), LEASE)).isPresent();
        Instant lapsed = T0.plusSeconds(30).plus(LEASE).plusMillis(1);
        assertThat(journal.claim(key, "shop-b", lapsed, LEASE).orElseThrow().claimedBy()).contains("shop-b");
        assertThat(journal.claim(key, "shop-a", lapsed, LEASE)).isEmpty();
    }

    @Test
    void anEntryRecordedWithAClaimBelongsToItsOwner() {
        IdempotencyKey key = IdempotencyKey.of("owned");
        journal.recordPending(pending("owned", T0).claimedBy("shop-a").claimedUntil(T0.plus(LEASE)).build());

        assertThat(journal.claim(key, "shop-b", T0.plusSeconds(1), LEASE)).isEmpty();
        assertThat(journal.claim(key, "shop-a", T0.plusSeconds(1), LEASE)).isPresent();
    }

    @Test
    void releasingLetsAnotherOwnerClaimAndOnlyTheHolderCanRelease() {
        IdempotencyKey key = record("k", T0);
        journal.claim(key, "shop-a", T0, LEASE);

        journal.release(key, "shop-b");
        assertThat(journal.claim(key, "shop-b", T0.plusSeconds(1), LEASE)).isEmpty();

        journal.release(key, "shop-a");
        JournalEntry released = journal.find(key).orElseThrow();
        assertThat(released.claimedBy()).isEmpty();
        assertThat(released.claimedUntil()).isEmpty();
        assertThat(released.state()).isEqualTo(State.PENDING);
        assertThat(journal.claim(key, "shop-b", T0.plusSeconds(1), LEASE)).isPresent();
    }

    @Test
    void aSettledOrAbsentEntryCannotBeClaimed() {
        IdempotencyKey confirmed = record("c", T0);
        IdempotencyKey rejected = record("r", T0);
        confirm(confirmed, "ORD-1", "3AB-7KQ-XD2", T0.plusSeconds(5));
        reject(rejected, "seats out of range", T0.plusSeconds(5));

        assertThat(journal.claim(confirmed, "shop-a", T0.plusSeconds(6), LEASE)).isEmpty();
        assertThat(journal.claim(rejected, "shop-a", T0.plusSeconds(6), LEASE)).isEmpty();
        assertThat(journal.claim(IdempotencyKey.of("none"), "shop-a", T0, LEASE)).isEmpty();
    }

    @Test
    void confirmingRecordsTheOrderAndKeepsTheClaimForDelivery() {
        IdempotencyKey key = record("k", T0);
        journal.claim(key, "shop-a", T0, LEASE);

        confirm(key, "ORD-42", "3AB-7KQ-XD2", T0.plusSeconds(3));

        JournalEntry entry = journal.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.CONFIRMED);
        assertThat(entry.orderNumber()).contains("ORD-42");
        assertThat(entry.licenseId()).contains("3AB-7KQ-XD2");
        assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(entry.createdAt()).isEqualTo(T0);
        // the confirming shop keeps its claim while it delivers the confirmation
        assertThat(entry.claimedBy()).contains("shop-a");
        assertThat(entry.claimedUntil()).contains(T0.plusSeconds(3).plus(LEASE));
        assertThat(entry.rejection()).isEmpty();
    }

    @Test
    void rejectingRecordsTheReason() {
        IdempotencyKey key = record("k", T0);

        reject(key, "EULA missing", T0.plusSeconds(4));

        JournalEntry entry = journal.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.REJECTED);
        assertThat(entry.rejection()).contains("EULA missing");
        assertThat(entry.orderNumber()).isEmpty();
        assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void aSettledEntryNeverChangesStateAndAMissingOneIsAnError() {
        IdempotencyKey key = record("k", T0);
        assertThat(confirm(key, "ORD-1", "LIC-1", T0.plusSeconds(1))).isTrue();

        assertThat(confirm(key, "ORD-1", "LIC-1", T0.plusSeconds(9))).isFalse();
        assertThat(reject(key, "late refusal", T0.plusSeconds(10))).isFalse();

        JournalEntry entry = journal.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.CONFIRMED);
        assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThatThrownBy(() -> journal.confirm(IdempotencyKey.of("ghost"), "shop-a", "O", "L", T0, LEASE))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("no entry with idempotency key ghost");
    }

    @Test
    void onlyTheHolderOfTheClaimSettlesAnEntry() {
        IdempotencyKey key = record("k", T0);
        journal.claim(key, "shop-a", T0, LEASE);
        // shop-a's send outlasts its lease; shop-b takes the entry over
        journal.claim(key, "shop-b", T0.plus(LEASE).plusSeconds(1), LEASE);

        assertThat(journal.confirm(key, "shop-a", "ORD-1", "LIC-1", T0.plus(LEASE).plusSeconds(2), LEASE)).isFalse();
        assertThat(journal.reject(key, "shop-a", "late", T0.plus(LEASE).plusSeconds(2))).isFalse();
        assertThat(journal.find(key).orElseThrow().state()).isEqualTo(State.PENDING);
        assertThat(journal.confirm(key, "shop-b", "ORD-1", "LIC-1", T0.plus(LEASE).plusSeconds(3), LEASE)).isTrue();
        assertThat(journal.markDelivered(key, "shop-a", T0.plus(LEASE).plusSeconds(4))).isFalse();
        assertThat(journal.markDelivered(key, "shop-b", T0.plus(LEASE).plusSeconds(4))).isTrue();
    }

    @Test
    void pendingListsOnlyUnsettledEntriesOldestFirst() {
        record("late", T0.plusSeconds(20));
        record("early", T0);
        record("middle", T0.plusSeconds(10));
        IdempotencyKey done = record("done", T0.minusSeconds(5));
        confirm(done, "ORD", "LIC", T0.plusSeconds(30));

        assertThat(journal.pending()).extracting(entry -> entry.key().value())
                .containsExactly("early", "middle", "late");
    }

    @Test
    void twoJournalsOnOneDatabaseNeverBothClaimAnEntry() throws Exception {
        JdbcOrderJournal other = JdbcOrderJournal.create(dataSource);
        List<IdempotencyKey> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(record("race-" + i, T0));
        }
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (IdempotencyKey key : keys) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    JdbcOrderJournal shop = t % 2 == 0 ? journal : other;
                    String owner = "shop-" + t;
                    Callable<Boolean> attempt = () -> {
                        start.await();
                        return shop.claim(key, owner, T0.plusSeconds(1), LEASE).isPresent();
                    };
                    attempts.add(pool.submit(attempt));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> attempt : attempts) {
                    winners += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("claims won on %s", key).isEqualTo(1);
                assertThat(journal.find(key).orElseThrow().claimedBy()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConfirmedEntryIsUndeliveredUntilMarkedAndTheMarkReadsBack() {
        IdempotencyKey late = record("late", T0.plusSeconds(1));
        IdempotencyKey early = record("early", T0);
        IdempotencyKey refused = record("refused", T0.plusSeconds(2));
        record("open", T0.plusSeconds(3));
        confirm(late, "O-2", "L-2", T0.plusSeconds(5));
        confirm(early, "O-1", "L-1", T0.plusSeconds(6));
        reject(refused, "no", T0.plusSeconds(7));

        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(early, late);

        journal.markDelivered(early, "shop-a", T0.plusSeconds(10));
        journal.markDelivered(early, "shop-a", T0.plusSeconds(20));

        JournalEntry delivered = journal.find(early).orElseThrow();
        assertThat(delivered.deliveredAt()).contains(T0.plusSeconds(10));
        assertThat(delivered.updatedAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(late);
        assertThat(JdbcOrderJournal.create(dataSource).undelivered()).extracting(JournalEntry::key)
                .containsExactly(late);
    }

    @Test
    void onlyAConfirmedEntryCanBeMarkedDelivered() {
        IdempotencyKey open = record("open", T0);
        IdempotencyKey refused = record("refused", T0);
        reject(refused, "no", T0);

        assertThatThrownBy(() -> journal.markDelivered(open, "shop-a", T0))
                .isInstanceOf(StorageException.class).hasMessageContaining("PENDING");
        assertThatThrownBy(() -> journal.markDelivered(refused, "shop-a", T0))
                .isInstanceOf(StorageException.class).hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> journal.markDelivered(IdempotencyKey.of("missing"), "shop-a", T0))
                .isInstanceOf(StorageException.class).hasMessageContaining("missing");
        assertThat(journal.find(open).orElseThrow().deliveredAt()).isEmpty();
    }

    @Test
    void aJournalOfTheEarlierSchemaGainsTheColumnAndCountsItsConfirmationsDelivered() throws Exception {
        DataSource old = JdbcStorage.h2InMemory("old-journal-" + UUID.randomUUID());
        try (var connection = old.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE eset_order_journal (idempotency_key VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " operation VARCHAR(32) NOT NULL, payload VARCHAR(1000000) NOT NULL,"
                    + " state VARCHAR(16) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL, claimed_by VARCHAR(256),"
                    + " claimed_until TIMESTAMP WITH TIME ZONE, order_number VARCHAR(128),"
                    + " license_id VARCHAR(64), rejection VARCHAR(4000))");
            statement.execute("INSERT INTO eset_order_journal (idempotency_key, operation, payload, state,"
                    + " created_at, updated_at, order_number, license_id) VALUES ('before', 'NEW', '{}',"
                    + " 'CONFIRMED', TIMESTAMP WITH TIME ZONE '2026-11-24 10:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-11-24 10:01:00+00', 'O-1', 'L-1')");
        }

        JdbcOrderJournal upgraded = JdbcOrderJournal.create(old);
        IdempotencyKey after = IdempotencyKey.of("after");
        upgraded.recordPending(pending("after", T0).build());
        upgraded.claim(after, "shop-a", T0, LEASE);
        upgraded.confirm(after, "shop-a", "O-2", "L-2", T0.plusSeconds(5), LEASE);

        assertThat(upgraded.find(IdempotencyKey.of("before")).orElseThrow().deliveredAt())
                .contains(Instant.parse("2026-11-24T10:01:00Z"));
        assertThat(JdbcOrderJournal.create(old).undelivered()).extracting(JournalEntry::key).containsExactly(after);
    }

    /** Claims the entry as shop-a and confirms it. */
    private boolean confirm(IdempotencyKey key, String orderNumber, String licenseId, Instant at) {
        journal.claim(key, "shop-a", at, LEASE);
        return journal.confirm(key, "shop-a", orderNumber, licenseId, at, LEASE);
    }

    /** Claims the entry as shop-a and rejects it. */
    private boolean reject(IdempotencyKey key, String reason, Instant at) {
        journal.claim(key, "shop-a", at, LEASE);
        return journal.reject(key, "shop-a", reason, at);
    }

    private IdempotencyKey record(String key, Instant at) {
        journal.recordPending(pending(key, at).build());
        return IdempotencyKey.of(key);
    }

    private static dev.esetshop.sdk.order.JournalEntry.Builder pending(String key, Instant at) {
        return JournalEntry.builder()
                .key(IdempotencyKey.of(key))
                .operation("NEW")
                .payload("{\"product\":\"EAVB\",\"seats\":6}")
                .state(State.PENDING)
                .createdAt(at)
                .updatedAt(at);
    }
}
