package dev.esetshop.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.JournalEntry.State;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.testkit.SampleLicenses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OrderJournal} must have, the rules that make orders exactly-once: an entry is recorded
 * once under its key and reads back as written; a claim keeps other owners out until its lease lapses; only the
 * holder of the claim settles an entry or marks its confirmation delivered (fencing); a settled entry never changes
 * state again ({@code REJECTED} never overwrites {@code CONFIRMED}); a confirmation is undelivered until marked, and a
 * lapsed delivery claim may be taken over; {@code pending()}, {@code undelivered()} and {@code latest()} list in
 * their order; and two journals on one storage never both win a claim. The SDK's in-memory and JDBC journals run
 * it; a marketplace that writes its own journal extends this class in its tests:
 *
 * <pre>{@code
 * class MyOrderJournalTest extends OrderJournalContract {
 *     private DataSource database;
 *
 *     @Override
 *     protected OrderJournal newJournal() {
 *         database = freshDatabase();
 *         return new MyOrderJournal(database);
 *     }
 *
 *     @Override
 *     protected OrderJournal openAgain() {
 *         return new MyOrderJournal(database);
 *     }
 * }
 * }</pre>
 *
 * <p>A claim is live while {@code now < claimedUntil} and lapsed from {@code claimedUntil} on, and a zero or negative
 * lease is refused before the storage is touched (the rule of {@link OrderJournal}). Instants are whole milliseconds,
 * so a store that keeps microseconds reads them back unchanged; the boundary cases claim a nanosecond before the end
 * and at the end.
 */
public abstract class OrderJournalContract {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final LicenseId LIC_1 = LicenseId.of("LIC-1");
    private static final LicenseId LIC_9 = LicenseId.of("LIC-9");
    private static final EulaAcceptance EULA =
            EulaAcceptance.of("2024-05", "lukas.eder@holzbau-eder.at", Instant.parse("2026-11-24T09:59:30Z"));

    private OrderJournal journal;

    /** A contract test; a subclass supplies the journal. */
    protected OrderJournalContract() {}

    /**
     * A new journal on fresh, empty storage, for one test.
     *
     * @return the journal under test
     */
    protected abstract OrderJournal newJournal();

    /**
     * Another journal on the storage of the last {@link #newJournal()}, as a second shop (another process) or a
     * restarted one opens it. A journal that lives in memory only returns the same instance: shops in one JVM share
     * it.
     *
     * @return a journal that sees and races with the last new journal
     */
    protected abstract OrderJournal openAgain();

    /** Creates the journal under test. */
    @BeforeEach
    public final void createJournal() {
        journal = newJournal();
    }

    /**
     * The journal of the running test, for a subclass's own tests.
     *
     * @return the journal
     */
    protected final OrderJournal journal() {
        return journal;
    }

    /** A pending entry reads back as written, its claim and the end customer's EULA acceptance included. */
    @Test
    public void aPendingEntryReadsBackAsWritten() {
        JournalEntry entry = JournalEntry.builder()
                .from(claimed("k-1", T0, "shop-a", T0.plus(LEASE)))
                .eula(EULA)
                .build();
        JournalEntry unclaimed = JournalEntry.builder()
                .from(pending("k-2", T0.plusMillis(1)))
                .operation(Operation.RENEWAL)
                .build();

        journal.recordPending(entry);
        journal.recordPending(unclaimed);

        assertThat(journal.find(entry.key())).contains(entry);
        assertThat(journal.find(unclaimed.key())).contains(unclaimed);
        assertThat(openAgain().find(entry.key())).contains(entry);
        assertThat(journal.find(IdempotencyKey.of("other"))).isEmpty();
    }

    /** A key is journaled once: a second entry under it is a storage error that names the key. */
    @Test
    public void recordingTheSameKeyTwiceIsAStorageErrorThatNamesTheKey() {
        journal.recordPending(pending("dup", T0));

        assertThatThrownBy(() -> journal.recordPending(pending("dup", T0.plusSeconds(1))))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("dup");
        assertThat(journal.find(IdempotencyKey.of("dup")).orElseThrow().createdAt())
                .isEqualTo(T0);
    }

    /**
     * Recording under a key the journal knows writes nothing and answers the entry under it (the same purchase
     * again); a new key is recorded and answers empty.
     */
    @Test
    public void recordingAKnownKeyAgainAnswersTheEntryUnderItAndWritesNothing() {
        JournalEntry first = claimed("cart-1", T0, "shop-a", T0.plus(LEASE));

        assertThat(journal.recordPendingOrFind(first)).isEmpty();
        Optional<JournalEntry> again = openAgain()
                .recordPendingOrFind(claimed(
                        "cart-1", T0.plusSeconds(1), "shop-b", T0.plusSeconds(1).plus(LEASE)));

        assertThat(again).contains(first);
        assertThat(journal.find(first.key())).contains(first);
    }

    /**
     * Two journals on one storage recording the same keys at once from several threads (a double submit on two
     * instances): each key is recorded once, and every other call gets that entry, never an error.
     */
    @Test
    public void twoJournalsRecordingOneKeyAtOnceRecordItOnceAndTheOthersGetThatEntry() throws Exception {
        OrderJournal other = openAgain();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < 30; i++) {
                String key = "double-" + i;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<JournalEntry>>> attempts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    OrderJournal shop = t % 2 == 0 ? journal : other;
                    JournalEntry mine = claimed(key, T0.plusMillis(t), "shop-" + t, T0.plus(LEASE));
                    Callable<Optional<JournalEntry>> attempt = () -> {
                        start.await();
                        return shop.recordPendingOrFind(mine);
                    };
                    attempts.add(pool.submit(attempt));
                }
                start.countDown();
                List<Optional<JournalEntry>> answers = new ArrayList<>();
                for (Future<Optional<JournalEntry>> attempt : attempts) {
                    answers.add(attempt.get(30, TimeUnit.SECONDS));
                }
                JournalEntry recorded = journal.find(IdempotencyKey.of(key)).orElseThrow();
                assertThat(answers)
                        .as("recordings of %s", key)
                        .filteredOn(Optional::isEmpty)
                        .hasSize(1);
                assertThat(answers)
                        .filteredOn(Optional::isPresent)
                        .allSatisfy(answer -> assertThat(answer).contains(recorded));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A live claim keeps other owners out, its owner may renew it, and once lapsed another owner takes it over. */
    @Test
    public void aLiveClaimKeepsOtherOwnersOutUntilItLapses() {
        IdempotencyKey key = record("k", T0);

        Optional<JournalEntry> first = journal.claim(key, "shop-a", T0, LEASE);
        assertThat(first).isPresent();
        assertThat(first.get().claimedBy()).contains("shop-a");
        assertThat(first.get().claimedUntil()).contains(T0.plus(LEASE));

        assertThat(journal.claim(key, "shop-b", T0.plus(LEASE).minusMillis(1), LEASE))
                .isEmpty();
        assertThat(journal.claim(key, "shop-a", T0.plusSeconds(30), LEASE)).isPresent();
        assertThat(journal.claim(key, "shop-b", T0.plus(LEASE).plusMillis(1), LEASE))
                .as("renewed claim")
                .isEmpty();
        Instant lapsed = T0.plusSeconds(30).plus(LEASE).plusMillis(1);
        Optional<JournalEntry> taken = journal.claim(key, "shop-b", lapsed, LEASE);
        assertThat(taken.orElseThrow().claimedBy()).contains("shop-b");
        assertThat(taken.get().claimedUntil()).contains(lapsed.plus(LEASE));
        assertThat(journal.claim(key, "shop-a", lapsed, LEASE)).isEmpty();
        assertThat(journal.find(key).orElseThrow().state()).isEqualTo(State.PENDING);
    }

    /** An entry recorded with a claim belongs to its owner from the start. */
    @Test
    public void anEntryRecordedWithAClaimBelongsToItsOwner() {
        IdempotencyKey key = IdempotencyKey.of("owned");
        journal.recordPending(claimed("owned", T0, "shop-a", T0.plus(LEASE)));

        assertThat(journal.claim(key, "shop-b", T0.plusSeconds(1), LEASE)).isEmpty();
        assertThat(journal.claim(key, "shop-a", T0.plusSeconds(1), LEASE)).isPresent();
    }

    /** Releasing lets any owner claim at once; only the holder can release. */
    @Test
    public void releasingLetsAnotherOwnerClaimAndOnlyTheHolderCanRelease() {
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
        journal.release(IdempotencyKey.of("none"), "shop-b");
    }

    /** A rejected, a delivered or an absent entry cannot be claimed, however late. */
    @Test
    public void aSettledOrAbsentEntryCannotBeClaimed() {
        IdempotencyKey confirmed = record("c", T0);
        IdempotencyKey delivered = record("d", T0);
        IdempotencyKey rejected = record("r", T0);
        confirm(confirmed, "ORD-1", "3AB-7KQ-XD2", T0.plusSeconds(5));
        confirm(delivered, "ORD-2", "3AB-7KQ-XD3", T0.plusSeconds(5));
        assertThat(journal.markDelivered(delivered, "shop-a", T0.plusSeconds(6)))
                .isTrue();
        reject(rejected, "seats out of range", T0.plusSeconds(5));
        Instant muchLater = T0.plus(LEASE.multipliedBy(10));

        assertThat(journal.claim(confirmed, "shop-a", T0.plusSeconds(6), LEASE))
                .as("delivery claim held")
                .isEmpty();
        assertThat(journal.claim(delivered, "shop-a", muchLater, LEASE)).isEmpty();
        assertThat(journal.claim(rejected, "shop-a", muchLater, LEASE)).isEmpty();
        assertThat(journal.claim(IdempotencyKey.of("none"), "shop-a", T0, LEASE))
                .isEmpty();
    }

    /**
     * Entries the journal wrote itself always read back, in every state and for every operation, so none is named
     * unreadable (only a value damaged behind the journal's back, which a contract cannot write, is).
     */
    @Test
    public void noEntryTheJournalWroteIsUnreadable() {
        IdempotencyKey pending = record("p", T0);
        IdempotencyKey confirmed = record("c", T0.plusMillis(1));
        for (Operation operation : Operation.values()) {
            journal.recordPending(JournalEntry.builder()
                    .from(pending("op-" + operation.name(), T0.plusMillis(2)))
                    .operation(operation)
                    .build());
        }
        confirm(confirmed, "ORD-1", "3AB-7KQ-XD2", T0.plusSeconds(1));

        assertThat(journal.unreadable()).isEmpty();
        assertThat(journal.pending()).extracting(JournalEntry::operation).contains(Operation.values());
        assertThat(journal.pending()).extracting(JournalEntry::key).contains(pending);
        assertThat(journal.undelivered())
                .singleElement()
                .satisfies(entry -> assertThat(entry.licenseId()).contains(LicenseId.of("3AB-7KQ-XD2")));
    }

    /** Confirming records ESET's order number and license id, and the confirming shop keeps its claim to deliver. */
    @Test
    public void confirmingRecordsTheOrderAndKeepsTheClaimForDelivery() {
        IdempotencyKey key = record("k", T0);

        assertThat(confirm(key, "ORD-42", "3AB-7KQ-XD2", T0.plusSeconds(3))).isTrue();

        JournalEntry entry = journal.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.CONFIRMED);
        assertThat(entry.orderNumber()).contains("ORD-42");
        assertThat(entry.licenseId()).contains(LicenseId.of("3AB-7KQ-XD2"));
        assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(entry.createdAt()).isEqualTo(T0);
        assertThat(entry.claimedBy()).contains("shop-a");
        assertThat(entry.claimedUntil()).contains(T0.plusSeconds(3).plus(LEASE));
        assertThat(entry.rejection()).isEmpty();
        assertThat(entry.deliveredAt()).isEmpty();
        assertThat(journal.pending()).isEmpty();
    }

    /**
     * A confirmation with the license keeps the license with the entry, so a retry of the purchase is answered from
     * the journal alone (skipped for a journal that keeps the default, which keeps only the license id).
     */
    @Test
    public void aConfirmationWithItsLicenseKeepsTheLicenseWithTheEntry() {
        assumeOverridden(
                "confirm",
                IdempotencyKey.class,
                String.class,
                String.class,
                License.class,
                Instant.class,
                Duration.class);
        IdempotencyKey key = record("k", T0);
        License license = SampleLicenses.license(7);
        assertThat(journal.claim(key, "shop-a", T0, LEASE)).isPresent();

        assertThat(journal.confirm(key, "shop-a", "ORD-42", license, T0.plusSeconds(3), LEASE))
                .isTrue();

        JournalEntry entry = openAgain().find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.CONFIRMED);
        assertThat(entry.licenseId()).contains(license.id());
        assertThat(entry.license()).contains(license);
        assertThat(entry.license().orElseThrow().licenseKey().reveal())
                .isEqualTo(license.licenseKey().reveal());
        assertThat(journal.pending()).isEmpty();
    }

    /** Rejecting records the reason and nothing of an order. */
    @Test
    public void rejectingRecordsTheReason() {
        IdempotencyKey key = record("k", T0);

        assertThat(reject(key, "EULA missing", T0.plusSeconds(4))).isTrue();

        JournalEntry entry = journal.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.REJECTED);
        assertThat(entry.rejection()).contains("EULA missing");
        assertThat(entry.orderNumber()).isEmpty();
        assertThat(entry.licenseId()).isEmpty();
        assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(journal.pending()).isEmpty();
        assertThat(journal.undelivered()).isEmpty();
    }

    /** A settled entry never changes state: REJECTED never overwrites CONFIRMED, nor the other way round. */
    @Test
    public void aSettledEntryNeverChangesState() {
        IdempotencyKey confirmed = record("k", T0);
        IdempotencyKey rejected = record("r", T0);
        assertThat(confirm(confirmed, "ORD-1", "LIC-1", T0.plusSeconds(1))).isTrue();
        assertThat(reject(rejected, "refused", T0.plusSeconds(1))).isTrue();

        assertThat(journal.confirm(confirmed, "shop-a", "ORD-9", LIC_9, T0.plusSeconds(9), LEASE))
                .isFalse();
        assertThat(journal.reject(confirmed, "shop-a", "late refusal", T0.plusSeconds(10)))
                .isFalse();
        assertThat(journal.confirm(rejected, "shop-a", "ORD-9", LIC_9, T0.plusSeconds(11), LEASE))
                .isFalse();
        assertThat(journal.reject(rejected, "shop-a", "again", T0.plusSeconds(12)))
                .isFalse();

        JournalEntry entry = journal.find(confirmed).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.CONFIRMED);
        assertThat(entry.orderNumber()).contains("ORD-1");
        assertThat(entry.rejection()).isEmpty();
        assertThat(entry.updatedAt()).isEqualTo(T0.plusSeconds(1));
        JournalEntry refusal = journal.find(rejected).orElseThrow();
        assertThat(refusal.state()).isEqualTo(State.REJECTED);
        assertThat(refusal.rejection()).contains("refused");
        assertThat(refusal.orderNumber()).isEmpty();
    }

    /** Settling an entry the journal does not have is a storage error that names the key. */
    @Test
    public void settlingAMissingEntryIsAStorageError() {
        assertThatThrownBy(
                        () -> journal.confirm(IdempotencyKey.of("ghost"), "shop-a", "O", LicenseId.of("L"), T0, LEASE))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> journal.reject(IdempotencyKey.of("ghost"), "shop-a", "no", T0))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("ghost");
        assertThat(journal.find(IdempotencyKey.of("ghost"))).isEmpty();
    }

    /** Only the holder of the claim settles an entry or marks it delivered: a shop whose claim was taken over cannot. */
    @Test
    public void onlyTheHolderOfTheClaimSettlesAnEntry() {
        IdempotencyKey key = record("k", T0);
        journal.claim(key, "shop-a", T0, LEASE);
        // shop-a's send outlasts its lease; shop-b takes the entry over
        journal.claim(key, "shop-b", T0.plus(LEASE).plusSeconds(1), LEASE);

        assertThat(journal.confirm(key, "shop-a", "ORD-1", LIC_1, T0.plus(LEASE).plusSeconds(2), LEASE))
                .isFalse();
        assertThat(journal.reject(key, "shop-a", "late", T0.plus(LEASE).plusSeconds(2)))
                .isFalse();
        assertThat(journal.find(key).orElseThrow().state()).isEqualTo(State.PENDING);
        assertThat(journal.confirm(key, "shop-b", "ORD-1", LIC_1, T0.plus(LEASE).plusSeconds(3), LEASE))
                .isTrue();
        assertThat(journal.markDelivered(key, "shop-a", T0.plus(LEASE).plusSeconds(4)))
                .isFalse();
        assertThat(journal.find(key).orElseThrow().deliveredAt()).isEmpty();
        assertThat(journal.markDelivered(key, "shop-b", T0.plus(LEASE).plusSeconds(4)))
                .isTrue();
    }

    /** An unclaimed entry cannot be settled: settling needs the claim. */
    @Test
    public void anUnclaimedEntryCannotBeSettled() {
        IdempotencyKey key = record("k", T0);

        assertThat(journal.confirm(key, "shop-a", "ORD-1", LIC_1, T0.plusSeconds(1), LEASE))
                .isFalse();
        assertThat(journal.reject(key, "shop-a", "no", T0.plusSeconds(1))).isFalse();
        assertThat(journal.find(key).orElseThrow().state()).isEqualTo(State.PENDING);
    }

    /** {@code pending()} lists only unsettled entries, oldest first. */
    @Test
    public void pendingListsOnlyUnsettledEntriesOldestFirst() {
        record("late", T0.plusSeconds(20));
        record("early", T0);
        record("middle", T0.plusSeconds(10));
        IdempotencyKey done = record("done", T0.minusSeconds(5));
        IdempotencyKey refused = record("refused", T0.minusSeconds(4));
        confirm(done, "ORD", "LIC", T0.plusSeconds(30));
        reject(refused, "no", T0.plusSeconds(30));

        assertThat(journal.pending())
                .extracting(entry -> entry.key().value())
                .containsExactly("early", "middle", "late");
        assertThat(openAgain().pending())
                .extracting(entry -> entry.key().value())
                .containsExactly("early", "middle", "late");
    }

    /** A confirmation is undelivered until marked; the first mark stays and drops the claim. */
    @Test
    public void aConfirmedEntryIsUndeliveredUntilMarkedAndTheFirstMarkStays() {
        IdempotencyKey late = record("late", T0.plusSeconds(1));
        IdempotencyKey early = record("early", T0);
        IdempotencyKey refused = record("refused", T0.plusSeconds(2));
        record("open", T0.plusSeconds(3));
        confirm(late, "O-2", "L-2", T0.plusSeconds(5));
        confirm(early, "O-1", "L-1", T0.plusSeconds(6));
        reject(refused, "no", T0.plusSeconds(7));

        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(early, late);

        assertThat(journal.markDelivered(early, "shop-a", T0.plusSeconds(10))).isTrue();
        assertThat(journal.markDelivered(early, "shop-a", T0.plusSeconds(20))).isTrue();

        JournalEntry delivered = journal.find(early).orElseThrow();
        assertThat(delivered.deliveredAt()).contains(T0.plusSeconds(10));
        assertThat(delivered.updatedAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(delivered.state()).isEqualTo(State.CONFIRMED);
        assertThat(delivered.claimedBy()).isEmpty();
        assertThat(journal.undelivered()).extracting(JournalEntry::key).containsExactly(late);
        assertThat(openAgain().undelivered()).extracting(JournalEntry::key).containsExactly(late);
    }

    /**
     * Only the holder marks a pending entry as needing attention; the mark drops its claim and the entry stays
     * pending, listed by {@code pending()} and read back with its reason, but no owner claims it again, however late,
     * nor settles it: every later reconcile lists it without sending it.
     */
    @Test
    public void anEntryMarkedAsNeedingAttentionStaysPendingAndIsNeverClaimedAgain() {
        IdempotencyKey key = record("k", T0);
        assertThat(journal.claim(key, "shop-a", T0, LEASE)).isPresent();

        assertThat(journal.markNeedsAttention(key, "shop-b", "not the holder", T0.plusSeconds(1)))
                .isFalse();
        assertThat(journal.markNeedsAttention(key, "shop-a", "check ESET's order history", T0.plusSeconds(2)))
                .isTrue();

        JournalEntry marked = openAgain().find(key).orElseThrow();
        assertThat(marked.state()).isEqualTo(State.PENDING);
        assertThat(marked.attention()).contains("check ESET's order history");
        assertThat(marked.claimedBy()).isEmpty();
        assertThat(marked.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(openAgain().pending())
                .extracting(JournalEntry::key, JournalEntry::attention)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key, Optional.of("check ESET's order history")));
        Instant muchLater = T0.plus(LEASE).plus(Duration.ofDays(30));
        assertThat(journal.claim(key, "shop-a", T0.plusSeconds(3), LEASE))
                .as("its own marker")
                .isEmpty();
        assertThat(openAgain().claim(key, "shop-b", muchLater, LEASE))
                .as("another, much later")
                .isEmpty();
        assertThat(journal.confirm(key, "shop-a", "ORD-1", LIC_1, muchLater, LEASE))
                .isFalse();
        assertThat(journal.reject(key, "shop-a", "refused", muchLater)).isFalse();
        assertThat(journal.markNeedsAttention(key, "shop-a", "again", muchLater))
                .isFalse();
        assertThat(journal.find(key).orElseThrow().attention()).contains("check ESET's order history");
    }

    /** A shop that died between confirming and delivering leaves the confirmation to another, once its claim lapsed. */
    @Test
    public void aLapsedDeliveryClaimIsTakenOverAndDeliveredOnce() {
        IdempotencyKey key = record("k", T0);
        confirm(key, "ORD-1", "LIC-1", T0.plusSeconds(1));
        Instant lapsed = T0.plusSeconds(1).plus(LEASE).plusMillis(1);

        Optional<JournalEntry> taken = journal.claim(key, "shop-b", lapsed, LEASE);

        assertThat(taken).isPresent();
        assertThat(taken.get().state()).isEqualTo(State.CONFIRMED);
        assertThat(taken.get().claimedBy()).contains("shop-b");
        assertThat(journal.claim(key, "shop-c", lapsed.plusSeconds(1), LEASE)).isEmpty();
        assertThat(journal.markDelivered(key, "shop-a", lapsed.plusSeconds(2))).isFalse();
        assertThat(journal.markDelivered(key, "shop-b", lapsed.plusSeconds(3))).isTrue();
        assertThat(journal.find(key).orElseThrow().deliveredAt()).contains(lapsed.plusSeconds(3));
        assertThat(journal.undelivered()).isEmpty();
    }

    /**
     * A claim is live up to the last instant before its {@code claimedUntil} and lapsed at it: another owner is kept
     * out a nanosecond before the end and takes the entry over at the end, for a pending entry as for an undelivered
     * confirmation.
     */
    @Test
    public void aClaimLapsesExactlyAtItsClaimedUntil() {
        IdempotencyKey pending = record("pending", T0);
        Instant until = journal.claim(pending, "shop-a", T0, LEASE)
                .orElseThrow()
                .claimedUntil()
                .orElseThrow();
        IdempotencyKey delivery = record("delivery", T0);
        confirm(delivery, "ORD-1", "LIC-1", T0);
        Instant deliveryUntil =
                journal.find(delivery).orElseThrow().claimedUntil().orElseThrow();

        assertThat(until).isEqualTo(T0.plus(LEASE));
        assertThat(deliveryUntil).isEqualTo(T0.plus(LEASE));
        assertThat(journal.claim(pending, "shop-b", until.minusNanos(1), LEASE)).isEmpty();
        assertThat(openAgain().claim(delivery, "shop-b", deliveryUntil.minusNanos(1), LEASE))
                .isEmpty();
        assertThat(journal.find(pending).orElseThrow().claimedBy()).contains("shop-a");
        assertThat(journal.find(delivery).orElseThrow().claimedBy()).contains("shop-a");

        assertThat(journal.claim(pending, "shop-b", until, LEASE))
                .hasValueSatisfying(entry -> assertThat(entry.claimedBy()).contains("shop-b"));
        assertThat(openAgain().claim(delivery, "shop-b", deliveryUntil, LEASE))
                .hasValueSatisfying(entry -> assertThat(entry.claimedBy()).contains("shop-b"));
        assertThat(journal.confirm(pending, "shop-a", "ORD-2", LicenseId.of("LIC-2"), until, LEASE))
                .isFalse();
        assertThat(journal.markDelivered(delivery, "shop-a", deliveryUntil)).isFalse();
    }

    /**
     * A zero or negative lease, of a claim or of a confirmation's delivery, is refused with
     * {@link IllegalArgumentException} before the storage is touched: the entry stays as it was.
     */
    @Test
    public void aLeaseThatIsNotPositiveIsRefused() {
        IdempotencyKey key = record("k", T0);
        for (Duration lease : List.of(Duration.ZERO, Duration.ofNanos(-1), LEASE.negated())) {
            assertThatThrownBy(() -> journal.claim(key, "shop-a", T0, lease))
                    .as("claim with lease %s", lease)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(journal.find(key).orElseThrow().claimedBy()).isEmpty();
        assertThatThrownBy(() -> journal.claim(IdempotencyKey.of("missing"), "shop-a", T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(journal.claim(key, "shop-a", T0, LEASE)).isPresent();
        for (Duration lease : List.of(Duration.ZERO, Duration.ofNanos(-1), LEASE.negated())) {
            assertThatThrownBy(() -> journal.confirm(key, "shop-a", "ORD-1", LIC_1, T0.plusSeconds(1), lease))
                    .as("confirmation with delivery lease %s", lease)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        JournalEntry entry = journal.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.PENDING);
        assertThat(entry.orderNumber()).isEmpty();
        assertThat(entry.claimedUntil()).contains(T0.plus(LEASE));
        assertThat(journal.confirm(key, "shop-a", "ORD-1", LIC_1, T0.plusSeconds(1), LEASE))
                .isTrue();
    }

    /** Only a confirmed entry has a confirmation to mark delivered; anything else is a storage error. */
    @Test
    public void onlyAConfirmedEntryCanBeMarkedDelivered() {
        IdempotencyKey open = record("open", T0);
        IdempotencyKey refused = record("refused", T0.plusSeconds(1));
        reject(refused, "no", T0);

        assertThatThrownBy(() -> journal.markDelivered(open, "shop-a", T0))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("PENDING");
        assertThatThrownBy(() -> journal.markDelivered(refused, "shop-a", T0))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> journal.markDelivered(IdempotencyKey.of("missing"), "shop-a", T0))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("missing");
        assertThat(journal.find(open).orElseThrow().deliveredAt()).isEmpty();
    }

    /**
     * {@code latest} lists newest first, optionally of one state, up to the limit. A journal that keeps the port's
     * default (it cannot list its entries) skips this case.
     */
    @Test
    public void theLatestEntriesComeNewestFirstOptionallyOfOneState() {
        assumeOverridden("latest", int.class);
        assumeOverridden("latest", State.class, int.class);
        journal.recordPending(pending("old", T0));
        journal.recordPending(pending("mid", T0.plusSeconds(60)));
        journal.recordPending(pending("new", T0.plusSeconds(120)));
        journal.recordPending(pending("refused", T0.plusSeconds(30)));
        confirm(IdempotencyKey.of("mid"), "ORD-1", "3AB-7KQ-XD2", T0.plusSeconds(61));
        reject(IdempotencyKey.of("refused"), "ESET_RULE_REFUSED", T0.plusSeconds(31));

        assertThat(journal.latest(10))
                .extracting(entry -> entry.key().value())
                .containsExactly("new", "mid", "refused", "old");
        assertThat(journal.latest(2)).extracting(entry -> entry.key().value()).containsExactly("new", "mid");
        assertThat(journal.latest(State.PENDING, 10))
                .extracting(entry -> entry.key().value())
                .containsExactly("new", "old");
        assertThat(journal.latest(State.CONFIRMED, 10))
                .singleElement()
                .satisfies(entry -> assertThat(entry.orderNumber()).contains("ORD-1"));
        assertThat(journal.latest(State.REJECTED, 10))
                .extracting(entry -> entry.key().value())
                .containsExactly("refused");
        assertThatThrownBy(() -> journal.latest(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * {@code page} lists newest first (ties by key, newest key first), filtered by state and operation, in pages that
     * neither overlap nor skip an entry, and answers the same after the journal is opened again. A journal that keeps
     * the port's default (it cannot list its entries) skips this case.
     */
    @Test
    public void pagesComeNewestFirstFilteredByStateAndOperationWithoutOverlap() {
        assumeOverridden("page", OrderHistoryQuery.class);
        journal.recordPending(pending("old", T0));
        journal.recordPending(of(pending("renewal", T0.plusSeconds(30)), Operation.RENEWAL));
        journal.recordPending(pending("mid", T0.plusSeconds(60)));
        journal.recordPending(of(pending("trial", T0.plusSeconds(60)), Operation.TRIAL));
        journal.recordPending(pending("new", T0.plusSeconds(120)));
        confirm(IdempotencyKey.of("mid"), "ORD-1", "3AB-7KQ-XD2", T0.plusSeconds(61));
        reject(IdempotencyKey.of("renewal"), "ESET_RULE_REFUSED", T0.plusSeconds(31));

        assertThat(keys(journal.page(page(0, 10).build()))).containsExactly("new", "trial", "mid", "renewal", "old");
        // a page holds its entries and the first of the next page, which tells that an older page follows
        assertThat(keys(journal.page(page(0, 2).build()))).containsExactly("new", "trial", "mid");
        assertThat(keys(journal.page(page(1, 2).build()))).containsExactly("mid", "renewal", "old");
        assertThat(keys(journal.page(page(2, 2).build()))).containsExactly("old");
        assertThat(keys(journal.page(page(4, 1).build()))).containsExactly("old");
        assertThat(journal.page(page(5, 1).build())).isEmpty();
        assertThat(keys(journal.page(page(0, 10).operation(Operation.NEW).build())))
                .containsExactly("new", "mid", "old");
        assertThat(keys(journal.page(page(0, 10).state(State.PENDING).build()))).containsExactly("new", "trial", "old");
        assertThat(keys(journal.page(
                        page(1, 1).state(State.PENDING).operation(Operation.NEW).build())))
                .containsExactly("old");
        assertThat(journal.page(page(0, 10)
                        .state(State.CONFIRMED)
                        .operation(Operation.NEW)
                        .build()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.orderNumber()).contains("ORD-1"));
        assertThat(keys(journal.page(page(0, 10)
                        .state(State.REJECTED)
                        .operation(Operation.RENEWAL)
                        .build())))
                .containsExactly("renewal");
        assertThat(journal.page(page(0, 10)
                        .state(State.REJECTED)
                        .operation(Operation.NEW)
                        .build()))
                .isEmpty();
        assertThat(keys(openAgain().page(page(1, 2).build()))).containsExactly("mid", "renewal", "old");
    }

    private static OrderHistoryQuery.Builder page(int page, int size) {
        return OrderHistoryQuery.builder().page(page).size(size);
    }

    private static List<String> keys(List<JournalEntry> entries) {
        return entries.stream().map(entry -> entry.key().value()).toList();
    }

    private static JournalEntry of(JournalEntry entry, Operation operation) {
        return JournalEntry.builder().from(entry).operation(operation).build();
    }

    /**
     * A journal that checks the partner binds to the first and refuses another, also when opened again. A journal
     * that keeps the port's default (no check, for a journal of one reseller) skips this case.
     */
    @Test
    public void aJournalKeepsTheOrdersOfOnePartner() {
        assumeOverridden("bindPartner", String.class);
        journal.bindPartner("ESET-P-1");
        journal.bindPartner("ESET-P-1");

        assertThatThrownBy(() -> journal.bindPartner("ESET-P-2")).isInstanceOf(PartnerMismatchException.class);
        assertThatThrownBy(() -> openAgain().bindPartner("ESET-P-2")).isInstanceOf(PartnerMismatchException.class);
        openAgain().bindPartner("ESET-P-1");
    }

    /**
     * Two journals on one storage, racing from several threads for the same entries (fresh ones and ones whose
     * claim lapsed), never both win a claim.
     */
    @Test
    public void twoJournalsOnOneStorageNeverBothClaimAnEntry() throws Exception {
        OrderJournal other = openAgain();
        List<IdempotencyKey> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String key = "race-" + i;
            if (i % 2 == 0) {
                keys.add(record(key, T0));
            } else {
                journal.recordPending(claimed(key, T0, "crashed", T0));
                keys.add(IdempotencyKey.of(key));
            }
        }
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (IdempotencyKey key : keys) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    OrderJournal shop = t % 2 == 0 ? journal : other;
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
                assertThat(journal.find(key).orElseThrow().claimedBy())
                        .hasValueSatisfying(owner -> assertThat(owner).startsWith("shop-"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assumeOverridden(String method, Class<?>... parameters) {
        try {
            boolean overridden =
                    journal.getClass().getMethod(method, parameters).getDeclaringClass() != OrderJournal.class;
            Assumptions.assumeTrue(
                    overridden,
                    () -> journal.getClass().getName() + " keeps the default " + method + " of OrderJournal");
        } catch (NoSuchMethodException e) {
            throw new AssertionError("OrderJournal has " + method, e);
        }
    }

    /** Claims the entry as shop-a and confirms it. */
    private boolean confirm(IdempotencyKey key, String orderNumber, String licenseId, Instant at) {
        assertThat(journal.claim(key, "shop-a", at, LEASE))
                .as("claim of %s", key)
                .isPresent();
        return journal.confirm(key, "shop-a", orderNumber, LicenseId.of(licenseId), at, LEASE);
    }

    /** Claims the entry as shop-a and rejects it. */
    private boolean reject(IdempotencyKey key, String reason, Instant at) {
        assertThat(journal.claim(key, "shop-a", at, LEASE))
                .as("claim of %s", key)
                .isPresent();
        return journal.reject(key, "shop-a", reason, at);
    }

    private IdempotencyKey record(String key, Instant at) {
        journal.recordPending(pending(key, at));
        return IdempotencyKey.of(key);
    }

    private static JournalEntry pending(String key, Instant at) {
        return JournalEntry.builder()
                .key(IdempotencyKey.of(key))
                .operation(Operation.NEW)
                .payload("{\"product\":\"EAVB\",\"seats\":6}")
                .state(State.PENDING)
                .createdAt(at)
                .updatedAt(at)
                .build();
    }

    private static JournalEntry claimed(String key, Instant at, String owner, Instant until) {
        return JournalEntry.builder()
                .from(pending(key, at))
                .claimedBy(owner)
                .claimedUntil(until)
                .build();
    }
}
