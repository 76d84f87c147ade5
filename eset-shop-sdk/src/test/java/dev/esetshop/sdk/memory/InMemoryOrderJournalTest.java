package dev.esetshop.sdk.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.order.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryOrderJournalTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();

    private static JournalEntry pending(String key, String owner, Instant at) {
        return JournalEntry.builder()
                .key(IdempotencyKey.of(key)).operation("NEW").payload("{}")
                .state(JournalEntry.State.PENDING).createdAt(at).updatedAt(at)
                .claimedBy(owner).claimedUntil(at.plus(LEASE)).build();
    }

    /** Confirms as the entry's claim holder. */
    private boolean confirm(IdempotencyKey key, String orderNumber, String licenseId, Instant at) {
        String owner = journal.find(key).orElseThrow().claimedBy().orElseThrow();
        return journal.confirm(key, owner, orderNumber, licenseId, at, LEASE);
    }

    /** Rejects as the entry's claim holder. */
    private boolean reject(IdempotencyKey key, String reason, Instant at) {
        String owner = journal.find(key).orElseThrow().claimedBy().orElseThrow();
        return journal.reject(key, owner, reason, at);
    }

    @Test
    void rejectedNeverOverwritesConfirmed() {
        journal.recordPending(pending("k1", "shop-a", T0));
        IdempotencyKey key = IdempotencyKey.of("k1");
        assertThat(confirm(key, "ORD-1", "LIC-1", T0.plusSeconds(1))).isTrue();

        assertThat(journal.reject(key, "shop-a", "late 409", T0.plusSeconds(2))).isFalse();

        assertThat(journal.find(key).orElseThrow().state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(journal.find(key).orElseThrow().rejection()).isEmpty();
    }

    @Test
    void theLatestEntriesComeNewestFirstOptionallyOfOneState() {
        journal.recordPending(pending("old", "shop-a", T0));
        journal.recordPending(pending("mid", "shop-a", T0.plusSeconds(60)));
        journal.recordPending(pending("new", "shop-a", T0.plusSeconds(120)));
        assertThat(journal.reject(IdempotencyKey.of("mid"), "shop-a", "ESET_RULE_REFUSED", T0.plusSeconds(61)))
                .isTrue();

        assertThat(journal.latest(Optional.empty(), 10)).extracting(entry -> entry.key().value())
                .containsExactly("new", "mid", "old");
        assertThat(journal.latest(Optional.empty(), 1)).extracting(entry -> entry.key().value())
                .containsExactly("new");
        assertThat(journal.latest(Optional.of(JournalEntry.State.REJECTED), 10))
                .extracting(entry -> entry.key().value()).containsExactly("mid");
    }

    @Test
    void aLiveClaimOfAnotherOwnerBlocksUntilItsLeaseLapses() {
        journal.recordPending(pending("k1", "shop-a", T0));
        IdempotencyKey key = IdempotencyKey.of("k1");

        assertThat(journal.claim(key, "shop-b", T0.plusSeconds(119), LEASE)).isEmpty();
        assertThat(journal.claim(key, "shop-a", T0.plusSeconds(10), LEASE)).isPresent();
        Optional<JournalEntry> taken = journal.claim(key, "shop-b", T0.plusSeconds(10).plus(LEASE), LEASE);
        assertThat(taken).get().extracting(e -> e.claimedBy().orElseThrow()).isEqualTo("shop-b");
        assertThat(journal.claim(key, "shop-a", T0.plusSeconds(200), LEASE)).isEmpty();
    }

    @Test
    void aReleasedEntryCanBeClaimedByAnyoneButOnlyItsOwnerCanReleaseIt() {
        journal.recordPending(pending("k1", "shop-a", T0));
        IdempotencyKey key = IdempotencyKey.of("k1");

        journal.release(key, "shop-b");
        assertThat(journal.claim(key, "shop-b", T0, LEASE)).isEmpty();
        journal.release(key, "shop-a");
        assertThat(journal.find(key).orElseThrow().claimedBy()).isEmpty();
        assertThat(journal.claim(key, "shop-b", T0, LEASE)).isPresent();
    }

    @Test
    void settledEntriesAreNeitherPendingNorClaimable() {
        journal.recordPending(pending("k1", "shop-a", T0));
        journal.recordPending(pending("k2", "shop-a", T0.plusSeconds(1)));
        journal.recordPending(pending("k3", "shop-a", T0.plusSeconds(2)));
        confirm(IdempotencyKey.of("k1"), "ORD-1", "LIC-1", T0.plusSeconds(5));
        reject(IdempotencyKey.of("k2"), "ESET_RULE_REFUSED: seats", T0.plusSeconds(5));

        assertThat(journal.pending()).extracting(e -> e.key().value()).containsExactly("k3");
        JournalEntry confirmed = journal.find(IdempotencyKey.of("k1")).orElseThrow();
        assertThat(confirmed.state()).isEqualTo(JournalEntry.State.CONFIRMED);
        assertThat(confirmed.orderNumber()).contains("ORD-1");
        assertThat(confirmed.licenseId()).contains("LIC-1");
        assertThat(confirmed.claimedBy()).contains("shop-a");
        assertThat(journal.find(IdempotencyKey.of("k2")).orElseThrow().rejection()).contains("ESET_RULE_REFUSED: seats");
        journal.markDelivered(IdempotencyKey.of("k1"), "shop-a", T0.plusSeconds(6));
        assertThat(journal.claim(IdempotencyKey.of("k1"), "shop-a", T0.plusSeconds(600), LEASE)).isEmpty();
    }

    @Test
    void pendingIsOldestFirst() {
        journal.recordPending(pending("late", "a", T0.plusSeconds(60)));
        journal.recordPending(pending("early", "a", T0));
        assertThat(journal.pending()).extracting(e -> e.key().value()).containsExactly("early", "late");
    }

    @Test
    void aKeyIsJournaledOnceAndUnknownKeysCannotBeSettled() {
        journal.recordPending(pending("k1", "a", T0));
        assertThatThrownBy(() -> journal.recordPending(pending("k1", "b", T0))).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> journal.confirm(IdempotencyKey.of("nope"), "a", "O", "L", T0, LEASE))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void concurrentClaimsOfOneLapsedEntryHaveExactlyOneWinner() throws Exception {
        journal.recordPending(pending("k1", "crashed", T0));
        Instant later = T0.plus(LEASE).plusSeconds(1);
        int shops = 8;
        ExecutorService pool = Executors.newFixedThreadPool(shops);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < shops; i++) {
            String owner = "shop-" + i;
            claims.add(pool.submit(() -> {
                start.await();
                return journal.claim(IdempotencyKey.of("k1"), owner, later, LEASE).isPresent();
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> claim : claims) {
            winners += claim.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aConfirmedEntryIsUndeliveredUntilMarkedAndTheFirstMarkStays() {
        journal.recordPending(pending("k2", "a", T0.plusSeconds(1)));
        journal.recordPending(pending("k1", "a", T0));
        journal.recordPending(pending("k3", "a", T0.plusSeconds(2)));
        IdempotencyKey k1 = IdempotencyKey.of("k1");
        IdempotencyKey k2 = IdempotencyKey.of("k2");
        confirm(k2, "O-2", "L-2", T0.plusSeconds(5));
        confirm(k1, "O-1", "L-1", T0.plusSeconds(6));
        reject(IdempotencyKey.of("k3"), "refused", T0.plusSeconds(7));

        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(k1, k2);
        assertThat(journal.find(k1).orElseThrow().deliveredAt()).isEmpty();

        journal.markDelivered(k1, "a", T0.plusSeconds(10));
        journal.markDelivered(k1, "a", T0.plusSeconds(20));

        assertThat(journal.find(k1).orElseThrow().deliveredAt()).contains(T0.plusSeconds(10));
        assertThat(journal.find(k1).orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(k2);
    }

    @Test
    void onlyAConfirmedEntryCanBeMarkedDelivered() {
        journal.recordPending(pending("k1", "a", T0));
        journal.recordPending(pending("k2", "a", T0));
        reject(IdempotencyKey.of("k2"), "refused", T0);

        assertThatThrownBy(() -> journal.markDelivered(IdempotencyKey.of("k1"), "a", T0))
                .isInstanceOf(StorageException.class).hasMessageContaining("PENDING");
        assertThatThrownBy(() -> journal.markDelivered(IdempotencyKey.of("k2"), "a", T0))
                .isInstanceOf(StorageException.class).hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> journal.markDelivered(IdempotencyKey.of("missing"), "a", T0))
                .isInstanceOf(StorageException.class).hasMessageContaining("missing");
        assertThat(journal.find(IdempotencyKey.of("k1")).orElseThrow().deliveredAt()).isEmpty();
    }
}
