package dev.esetshop.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline watch runs an expiry once its deadline passed, never one taken off the watch before, and in
 * deadline order; a deadline earlier than the one the watch sleeps towards wakes it. Deadlines are already past or
 * an hour away, so nothing depends on how fast the machine is.
 */
class DeadlineWatchTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final DeadlineWatch watch = new DeadlineWatch();
    private final List<String> expired = new CopyOnWriteArrayList<>();
    private final CountDownLatch last = new CountDownLatch(1);

    @AfterEach
    void close() {
        watch.close();
    }

    @Test
    void passedDeadlinesExpireInDeadlineOrderAndDoneOnesNever() throws InterruptedException {
        long now = System.nanoTime();
        DeadlineWatch.Watched answered = watch.watch(now + HOUR, () -> expired.add("answered"));
        answered.done();
        watch.watch(now - 2, () -> expired.add("first"));
        watch.watch(now - 1, () -> {
            expired.add("second");
            last.countDown();
        });

        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(expired).containsExactly("first", "second");
    }

    @Test
    void anEarlierDeadlineWakesAWatchSleepingTowardsALaterOne() throws InterruptedException {
        long now = System.nanoTime();
        watch.watch(now + HOUR, () -> expired.add("in an hour"));
        // The thread started with the first watch and sleeps (or is about to sleep) an hour: only a signal ends it.
        watch.watch(now, () -> {
            expired.add("now");
            last.countDown();
        });

        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(expired).containsExactly("now");
    }

    @Test
    void closeEndsTheThreadAndExpiresWhatItWatchesThenAndLater() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        watch.watch(System.nanoTime() + HOUR, () -> expired.add("in an hour"));
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.getName().startsWith("eset-client-deadlines-"))
                .toList();
        assertThat(threads).as("the watch's thread").hasSize(1);

        watch.close();

        assertThat(threads).noneMatch(Thread::isAlive);
        watch.watch(System.nanoTime() + HOUR, () -> expired.add("after close"));
        assertThat(expired).containsExactly("in an hour", "after close");
    }

    @Test
    void aWatchWithAnIdleTimeEndsItsThreadWhenNothingIsWatchedAndStartsAnotherForTheNextAnswer()
            throws InterruptedException {
        DeadlineWatch idle = new DeadlineWatch(0);
        try {
            Thread first = threadThatRunsAnExpiry(idle);
            first.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(first.isAlive())
                    .as("the thread ended once it had nothing to watch")
                    .isFalse();

            Thread second = threadThatRunsAnExpiry(idle);

            assertThat(second).isNotSameAs(first);
            second.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(second.isAlive()).isFalse();
        } finally {
            idle.close();
        }
    }

    private static Thread threadThatRunsAnExpiry(DeadlineWatch watch) throws InterruptedException {
        Thread[] ran = new Thread[1];
        CountDownLatch done = new CountDownLatch(1);
        watch.watch(System.nanoTime(), () -> {
            ran[0] = Thread.currentThread();
            done.countDown();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        return ran[0];
    }
}
