package dev.esetshop.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.sdk.remind.ReminderJournal;
import dev.esetshop.sdk.remind.ReminderJournal.Claim;
import dev.esetshop.sdk.remind.RenewalReminder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ReminderJournal} must have, the rules that make renewal reminders once-only: a reminder's
 * first claim records it; a live claim keeps every owner out (its own too) until its lease lapses; only the holder
 * marks it delivered, and a delivered reminder is never claimed again, by any journal on the same storage; a released
 * claim frees it at once; and two journals on one storage never both win a claim. The SDK's in-memory and JDBC
 * journals run it; a marketplace that writes its own journal extends this class in its tests, as with
 * {@link OrderJournalContract}.
 */
public abstract class ReminderJournalContract {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final LicenseId LICENSE = LicenseId.of("LIC-1");
    private static final LocalDate EXPIRES = LocalDate.parse("2027-01-10");

    private ReminderJournal journal;

    /** A contract test; a subclass supplies the journal. */
    protected ReminderJournalContract() {}

    /**
     * A new journal on fresh, empty storage, for one test.
     *
     * @return the journal under test
     */
    protected abstract ReminderJournal newJournal();

    /**
     * Another journal on the storage of the last {@link #newJournal()}, as a second shop (another process) or a
     * restarted one opens it; a journal that lives in memory only returns the same instance.
     *
     * @return a journal that sees and races with the last new journal
     */
    protected abstract ReminderJournal openAgain();

    /** Creates the journal under test. */
    @BeforeEach
    public final void createJournal() {
        journal = newJournal();
    }

    private static String id(int window) {
        return RenewalReminder.eventIdFor(LICENSE, EXPIRES, window);
    }

    private Claim claim(ReminderJournal on, String eventId, String owner, Instant now) {
        return on.claim(eventId, LICENSE, EXPIRES, 30, owner, now, LEASE);
    }

    /** The first claim records the reminder; a live claim keeps other owners and its own out until it lapses. */
    @Test
    public void aLiveClaimKeepsEveryOwnerOutUntilItLapses() {
        assertThat(claim(journal, id(30), "shop-a", T0)).isEqualTo(Claim.CLAIMED);

        assertThat(claim(openAgain(), id(30), "shop-b", T0.plus(LEASE).minusNanos(1)))
                .isEqualTo(Claim.HELD_ELSEWHERE);
        assertThat(claim(journal, id(30), "shop-a", T0.plusSeconds(1))).isEqualTo(Claim.HELD_ELSEWHERE);
        assertThat(claim(openAgain(), id(30), "shop-b", T0.plus(LEASE))).isEqualTo(Claim.CLAIMED);
        assertThat(journal.delivered(List.of(id(30)))).isEmpty();
    }

    /** Only the holder marks a reminder delivered; after that no journal on the storage claims it again. */
    @Test
    public void aDeliveredReminderIsNeverClaimedAgain() {
        claim(journal, id(30), "shop-a", T0);

        assertThat(journal.markDelivered(id(30), "shop-b", T0.plusSeconds(1))).isFalse();
        assertThat(journal.delivered(List.of(id(30)))).isEmpty();
        assertThat(journal.markDelivered(id(30), "shop-a", T0.plusSeconds(1))).isTrue();
        assertThat(journal.markDelivered(id(30), "shop-a", T0.plusSeconds(2))).isTrue();

        assertThat(openAgain().delivered(List.of(id(30), id(60)))).containsExactly(id(30));
        assertThat(claim(openAgain(), id(30), "shop-b", T0.plus(Duration.ofDays(400))))
                .isEqualTo(Claim.DELIVERED_BEFORE);
        assertThat(claim(journal, id(30), "shop-a", T0.plusSeconds(3))).isEqualTo(Claim.DELIVERED_BEFORE);
        openAgain().release(id(30), "shop-a");
        assertThat(claim(openAgain(), id(30), "shop-b", T0.plusSeconds(4))).isEqualTo(Claim.DELIVERED_BEFORE);
    }

    /** A released claim (a listener failed) frees the reminder at once; another owner's release changes nothing. */
    @Test
    public void aReleasedClaimFreesTheReminderAtOnce() {
        claim(journal, id(7), "shop-a", T0);

        openAgain().release(id(7), "shop-b");
        assertThat(claim(openAgain(), id(7), "shop-b", T0.plusSeconds(1))).isEqualTo(Claim.HELD_ELSEWHERE);
        journal.release(id(7), "shop-a");
        assertThat(claim(openAgain(), id(7), "shop-b", T0.plusSeconds(1))).isEqualTo(Claim.CLAIMED);
        assertThat(journal.markDelivered(id(7), "shop-a", T0.plusSeconds(2))).isFalse();
        assertThat(openAgain().markDelivered(id(7), "shop-b", T0.plusSeconds(2)))
                .isTrue();
    }

    /** Each window of a license is a reminder of its own. */
    @Test
    public void eachWindowIsAReminderOfItsOwn() {
        claim(journal, id(60), "shop-a", T0);
        journal.markDelivered(id(60), "shop-a", T0);

        assertThat(journal.claim(id(30), LICENSE, EXPIRES, 30, "shop-a", T0.plusSeconds(1), LEASE))
                .isEqualTo(Claim.CLAIMED);
        assertThat(journal.delivered(List.of(id(90), id(60), id(30)))).containsExactly(id(60));
    }

    /** {@code delivered} answers for any number of ids, and a marketplace's round has thousands. */
    @Test
    public void deliveredAnswersForManyIds() {
        List<String> ids = new ArrayList<>();
        for (int window = 1; window <= 1_200; window++) {
            ids.add(id(window));
        }
        for (int window : List.of(1, 600, 1_200)) {
            journal.claim(id(window), LICENSE, EXPIRES, window, "shop-a", T0, LEASE);
            journal.markDelivered(id(window), "shop-a", T0);
        }

        assertThat(journal.delivered(ids)).containsExactlyInAnyOrder(id(1), id(600), id(1_200));
        assertThat(journal.delivered(List.of())).isEmpty();
    }

    /** A zero or negative lease is refused before the storage is touched. */
    @Test
    public void aLeaseMustBePositive() {
        assertThatThrownBy(() -> journal.claim(id(30), LICENSE, EXPIRES, 30, "shop-a", T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(claim(journal, id(30), "shop-a", T0)).isEqualTo(Claim.CLAIMED);
    }

    /** Journals racing for the same fresh reminders: exactly one wins each. */
    @Test
    public void journalsRacingForTheSameRemindersNeverBothWin() throws Exception {
        int reminders = 30;
        List<ReminderJournal> journals = List.of(journal, openAgain(), openAgain(), openAgain());
        ExecutorService pool = Executors.newFixedThreadPool(journals.size());
        try {
            List<Future<Integer>> wins = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int shop = 0; shop < journals.size(); shop++) {
                ReminderJournal racer = journals.get(shop);
                String owner = "shop-" + shop;
                Callable<Integer> work = () -> {
                    start.await();
                    int won = 0;
                    for (int window = 1; window <= reminders; window++) {
                        if (racer.claim(id(window), LICENSE, EXPIRES, window, owner, T0, LEASE) == Claim.CLAIMED) {
                            won++;
                        }
                    }
                    return won;
                };
                wins.add(pool.submit(work));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> won : wins) {
                total += won.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(reminders);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The journal keeps one partner's reminders, and refuses another partner after. */
    @Test
    public void theJournalBelongsToOnePartner() {
        journal.bindPartner("ESET-P-1");

        assertThatThrownBy(() -> openAgain().bindPartner("ESET-P-2")).isInstanceOf(PartnerMismatchException.class);
        openAgain().bindPartner("ESET-P-1");
    }
}
