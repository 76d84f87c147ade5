package dev.esetshop.client.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client's executor when the caller gave none: daemon threads named {@code eset-client-<n>-<m>}, which the
 * client owns, so {@link #close()} ends them and waits until each has died (the JDK's default executor could not be
 * shut down on Java 17).
 */
public final class ClientThreads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientThreads.class);
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String prefix = "eset-client-" + CLIENTS.incrementAndGet() + "-";
    private final Set<Thread> started = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;

    /** A pool that grows with the work and lets idle threads go after a minute. */
    public ClientThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            started.add(thread);
            return thread;
        };
        this.executor =
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    /** The executor to give the HTTP client. */
    public ExecutorService executor() {
        return executor;
    }

    /** The name every thread of this pool starts with. */
    public String threadNamePrefix() {
        return prefix;
    }

    /** Ends the pool and waits (up to a few seconds) until every thread it started has died. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
        long end = System.nanoTime() + GRACE.toNanos();
        try {
            executor.awaitTermination(GRACE.toNanos(), TimeUnit.NANOSECONDS);
            for (Thread thread : started) {
                long left = end - System.nanoTime();
                if (left > 0 && thread != Thread.currentThread()) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started.removeIf(thread -> !thread.isAlive());
        if (!started.isEmpty()) {
            LOG.warn("{} threads of the ESET client are still running after close", started.size());
        }
    }
}
