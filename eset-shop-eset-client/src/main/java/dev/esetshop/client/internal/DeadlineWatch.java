package dev.esetshop.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that stops the answers whose deadline passed. The JDK's request timeout ends at the
 * headers, so a body that stalls needs someone else to end it; a timer per call would wake a thread per call, and
 * waiting on {@code sendAsync} costs a thread hand-off per call. This thread instead sleeps until the earliest
 * deadline it knows of and is only woken when a new deadline comes before that one: calls that finish in time
 * (nearly all) never wake it, they only enter and leave a queue.
 *
 * <p>A client that owns its HTTP client has a watch of its own, closed with it. Clients that share one HTTP client
 * (a marketplace's thousands of resellers) share the process's {@linkplain #shared() one watch} instead of a thread
 * each; that watch is never closed, and its thread ends whenever it has watched nothing for a while, so an idle
 * process keeps no thread for it.
 */
final class DeadlineWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final AtomicInteger WATCHES = new AtomicInteger();
    private static final long JOIN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long SHARED_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final DeadlineWatch SHARED = new DeadlineWatch(SHARED_IDLE_NANOS);

    /** An answer being watched; {@link #done()} takes it off the watch. */
    final class Watched implements Comparable<Watched> {
        private final long deadlineNanos;
        private final Runnable onExpiry;

        private Watched(long deadlineNanos, Runnable onExpiry) {
            this.deadlineNanos = deadlineNanos;
            this.onExpiry = onExpiry;
        }

        /** The answer ended in time (or otherwise): its deadline no longer matters. Idempotent. */
        void done() {
            lock.lock();
            try {
                queue.remove(this);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int compareTo(Watched other) {
            return Long.compare(deadlineNanos - other.deadlineNanos, 0);
        }
    }

    private final String threadName = "eset-client-deadlines-" + WATCHES.incrementAndGet();
    /** How long the thread waits with nothing watched before it ends; negative: until closed. */
    private final long idleNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition earlier = lock.newCondition();
    private final PriorityQueue<Watched> queue = new PriorityQueue<>();
    /** Guarded by {@code lock}: the thread, started with the first watched answer. */
    private @Nullable Thread thread;
    /** Guarded by {@code lock}: whether the thread sleeps until {@link #wakeAtNanos} (else until signalled). */
    private boolean sleepsUntil;

    private long wakeAtNanos;
    /** Guarded by {@code lock}: set once by {@link #close()}. */
    private boolean closed;

    /** A watch whose thread lives until {@link #close()}: a client's own. */
    DeadlineWatch() {
        this(-1);
    }

    /** A watch whose thread ends after {@code idleNanos} with nothing to watch (a new answer starts another). */
    DeadlineWatch(long idleNanos) {
        this.idleNanos = idleNanos;
    }

    /** The process's watch for the clients that share an HTTP client; never closed. */
    static DeadlineWatch shared() {
        return SHARED;
    }

    /**
     * Runs {@code onExpiry} on the watch's thread once {@link System#nanoTime()} passes {@code deadlineNanos},
     * unless {@link Watched#done()} came first; once the watch is closed, runs it at once on the caller's thread.
     */
    Watched watch(long deadlineNanos, Runnable onExpiry) {
        Watched watched = new Watched(deadlineNanos, onExpiry);
        lock.lock();
        try {
            if (closed) {
                // The client closed while this answer came: nobody watches any more, so it stops at once.
                expire(watched);
                return watched;
            }
            queue.add(watched);
            if (thread == null) {
                thread = new Thread(this::run, threadName);
                thread.setDaemon(true);
                thread.start();
            } else if (!sleepsUntil || deadlineNanos - wakeAtNanos < 0) {
                earlier.signal();
            }
        } finally {
            lock.unlock();
        }
        return watched;
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                Watched head = queue.peek();
                long now = System.nanoTime();
                if (head == null) {
                    sleepsUntil = false;
                    if (idleNanos < 0) {
                        earlier.awaitUninterruptibly();
                    } else if (!awaitUntilSignalledOr(idleNanos) && queue.isEmpty()) {
                        thread = null;
                        return;
                    }
                } else if (head.deadlineNanos - now <= 0) {
                    queue.poll();
                    expire(head);
                } else {
                    sleepsUntil = true;
                    wakeAtNanos = head.deadlineNanos;
                    awaitUntilSignalledOr(head.deadlineNanos - now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Only {@link #close()} (or, for a watch with an idle time, having nothing to watch) ends this thread: an
     * interrupt from elsewhere is ignored, since the answers it watches would otherwise have no deadline left.
     *
     * @return whether it was woken before the time was up
     */
    private boolean awaitUntilSignalledOr(long nanos) {
        try {
            return earlier.awaitNanos(nanos) > 0;
        } catch (InterruptedException e) {
            LOG.debug("the deadline watch ignores an interrupt; closing the client ends it");
            return true;
        }
    }

    /** Runs the expiry outside the lock: stopping an exchange may take the HTTP client's own locks. */
    private void expire(Watched watched) {
        lock.unlock();
        try {
            runExpiry(watched);
        } finally {
            lock.lock();
        }
    }

    private static void runExpiry(Watched watched) {
        try {
            watched.onExpiry.run();
        } catch (RuntimeException e) {
            LOG.debug(
                    "stopping an answer past its deadline failed ({})",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Ends the thread and waits (a few seconds at most) until it has died. What it still watched expires now, and
     * so does whatever is watched later: no answer can outlive the client unbounded. Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        List<Watched> left;
        lock.lock();
        try {
            closed = true;
            running = thread;
            left = new ArrayList<>(queue);
            queue.clear();
            earlier.signal();
        } finally {
            lock.unlock();
        }
        for (Watched watched : left) {
            runExpiry(watched);
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                TimeUnit.NANOSECONDS.timedJoin(running, JOIN_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
