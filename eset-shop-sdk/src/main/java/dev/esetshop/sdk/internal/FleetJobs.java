package dev.esetshop.sdk.internal;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.FleetReconcileReport;
import dev.esetshop.sdk.FleetSyncReport;
import dev.esetshop.sdk.ReconcileReport;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.ResellerFailure;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.license.SyncCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rounds over every reseller of an instance: the fleet sync, each reseller's sync claimed through the leases so
 * one instance of several syncs it, {@code concurrency} resellers at once on the executor; and the reconcile of every
 * reseller with open orders. A reseller that fails is reported as a {@link ResellerFailure} and the round goes on.
 */
public final class FleetJobs {

    private static final Logger LOG = LoggerFactory.getLogger(FleetJobs.class);

    /** What the rounds work on and how. */
    public record Settings(
            String instance,
            Clock clock,
            int concurrency,
            Duration syncLease,
            BiConsumer<ResellerId, SyncReport> onSynced,
            @Nullable Executor executor) {

        /** Settings; {@code executor} null for a pool of the round's own. */
        public Settings {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(syncLease, "syncLease");
            Objects.requireNonNull(onSynced, "onSynced");
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
            }
        }
    }

    private final ResellerDirectory directory;
    private final ResellerStorage storage;
    private final Function<ResellerId, EsetShop> shops;
    private final Settings settings;

    /**
     * The jobs.
     *
     * @param directory the resellers a sync round goes over
     * @param storage their books, whose cursors say which is due
     * @param shops each reseller's shop
     * @param settings the instance, clock, concurrency, lease, listener and executor
     */
    public FleetJobs(
            ResellerDirectory directory,
            ResellerStorage storage,
            Function<ResellerId, EsetShop> shops,
            Settings settings) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Syncs every reseller of the directory whose book completed no sync within {@code olderThan}.
     *
     * @param olderThan how old a book may be
     * @param leases who syncs which reseller
     * @return the round's report
     */
    public FleetSyncReport syncAll(Duration olderThan, FleetLeases leases) {
        Instant start = settings.clock().instant();
        // one cut-off for the whole round: a book another instance synced since the round began is not due again
        Instant dueBefore = start.minus(olderThan);
        Set<ResellerId> listed = new LinkedHashSet<>();
        directory.resellers().forEach(listed::add);
        List<ResellerId> resellers = List.copyOf(listed);
        Map<ResellerId, SyncOutcome> outcomes = new ConcurrentHashMap<>();
        Queue<ResellerId> due = new ConcurrentLinkedQueue<>(resellers);
        Runnable worker = () -> {
            for (ResellerId reseller = due.poll(); reseller != null; reseller = due.poll()) {
                SyncOutcome outcome;
                try {
                    outcome = syncOne(reseller, dueBefore, leases);
                } catch (RuntimeException e) {
                    // one reseller's failure never ends the worker: the resellers after it in the queue still sync
                    outcome = SyncOutcome.failed(failure("sync", reseller, e));
                }
                outcomes.put(reseller, outcome);
            }
        };
        runWorkers(worker, Math.min(settings.concurrency(), resellers.size()));
        int synced = 0;
        int fresh = 0;
        long licenses = 0;
        List<ResellerFailure> failed = new ArrayList<>();
        for (ResellerId reseller : resellers) {
            SyncOutcome outcome = outcomes.get(reseller);
            if (outcome == null) {
                failed.add(new ResellerFailure(
                        reseller, ResellerFailure.NOT_RUN, "the round ended before this reseller's sync ran", true));
            } else if (outcome.failed().isPresent()) {
                failed.add(outcome.failed().get());
            } else if (outcome.synced()) {
                synced++;
                licenses += outcome.licenses();
            } else {
                fresh++;
            }
        }
        FleetSyncReport report = new FleetSyncReport(
                resellers.size(),
                synced,
                fresh,
                failed,
                licenses,
                Duration.between(start, settings.clock().instant()));
        LOG.info(
                "fleet sync on {}: {} resellers, {} synced, {} fresh, {} failed, {} licenses",
                settings.instance(),
                report.resellers(),
                synced,
                fresh,
                failed.size(),
                licenses);
        return report;
    }

    /**
     * Reconciles each reseller's open orders, one reseller after the other on the calling thread.
     *
     * @param resellers the resellers to reconcile
     * @return what each reseller's reconcile did, and the failures
     */
    public FleetReconcileReport reconcileAll(List<ResellerId> resellers) {
        Map<ResellerId, ReconcileReport> reconciled = new LinkedHashMap<>();
        List<ResellerFailure> failed = new ArrayList<>();
        for (ResellerId reseller : resellers) {
            try {
                reconciled.put(reseller, shops.apply(reseller).reconcile());
            } catch (RuntimeException e) {
                failed.add(failure("reconcile", reseller, e));
            }
        }
        return new FleetReconcileReport(reconciled, failed);
    }

    /**
     * The failure of a reseller's work, from its exception: an {@link EsetShopException} gives its stable code, its
     * message (which never quotes a secret) and whether retrying may help; anything else (the host's directory or
     * vault, a listener, a bug) is {@link ResellerFailure#UNEXPECTED}, named by its class only, as its text may quote
     * the host's secrets, and logged with its stack trace.
     */
    static ResellerFailure failure(String work, ResellerId reseller, RuntimeException e) {
        if (e instanceof EsetShopException known) {
            LOG.warn("{} of reseller {} failed: {} {}", work, reseller, known.code(), known.getMessage());
            String message = known.getMessage().isBlank() ? known.code() : known.getMessage();
            return new ResellerFailure(reseller, known.code(), message, known.retryable());
        }
        LOG.error("{} of reseller {} failed", work, reseller, e);
        return new ResellerFailure(
                reseller,
                ResellerFailure.UNEXPECTED,
                "unexpected " + e.getClass().getSimpleName(),
                false);
    }

    /** Runs {@code count} copies of the worker on the executor and waits for them. */
    private void runWorkers(Runnable worker, int count) {
        Executor hosts = settings.executor();
        ExecutorService own = null;
        Executor executor;
        if (hosts != null) {
            executor = hosts;
        } else {
            AtomicInteger threads = new AtomicInteger();
            own = Executors.newFixedThreadPool(Math.max(1, count), runnable -> {
                Thread thread = new Thread(runnable, "eset-shops-sync-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            executor = own;
        }
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                try {
                    running.add(CompletableFuture.runAsync(worker, executor));
                } catch (RejectedExecutionException e) {
                    // the workers already running take the rest; with none, the round reports every reseller not run
                    LOG.warn("the executor of the fleet sync refused a worker: {}", e.toString());
                    break;
                }
            }
            for (CompletableFuture<Void> each : running) {
                await(each);
            }
        } finally {
            if (own != null) {
                own.shutdownNow();
            }
        }
    }

    private static void await(CompletableFuture<Void> worker) {
        try {
            worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the fleet sync was interrupted", e);
        } catch (ExecutionException e) {
            // a worker catches each reseller's failure; an Error ended it, and its resellers are reported not run
            LOG.error("a worker of the fleet sync ended", e.getCause());
        }
    }

    /**
     * Stops a reseller's sync after the page it stored when its lease was taken over by another instance, so two
     * instances never page through one book at once.
     */
    private static final class SyncLeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyncLeaseLost() {
            super("the sync lease was taken over", null, false, false);
        }
    }

    private record SyncOutcome(
            boolean synced, long licenses, @Nullable ResellerFailure failure) {
        static final SyncOutcome FRESH = new SyncOutcome(false, 0, null);

        static SyncOutcome failed(ResellerFailure failure) {
            return new SyncOutcome(false, 0, failure);
        }

        Optional<ResellerFailure> failed() {
            return Optional.ofNullable(failure);
        }
    }

    private SyncOutcome syncOne(ResellerId reseller, Instant dueBefore, FleetLeases leases) {
        String instance = settings.instance();
        Clock clock = settings.clock();
        try {
            if (!leases.claim(reseller, instance, clock.instant(), settings.syncLease())) {
                return SyncOutcome.FRESH;
            }
        } catch (RuntimeException e) {
            return SyncOutcome.failed(failure("the sync claim", reseller, e));
        }
        try {
            // read after the claim: an instance that synced the reseller wrote its cursor before it let go
            Optional<SyncCursor> cursor = storage.store(reseller).cursor();
            boolean isDue = cursor.isEmpty()
                    || cursor.get().inProgress()
                    || cursor.get()
                            .lastCompleted()
                            .map(last -> last.isBefore(dueBefore))
                            .orElse(true);
            if (!isDue) {
                return SyncOutcome.FRESH;
            }
            SyncReport report = shops.apply(reseller).sync((done, total) -> {
                if (!leases.renew(reseller, instance, clock.instant(), settings.syncLease())) {
                    // the page is stored with its cursor; the instance that took the lease goes on from there
                    throw new SyncLeaseLost();
                }
            });
            try {
                settings.onSynced().accept(reseller, report);
            } catch (RuntimeException e) {
                LOG.warn("the sync listener failed for reseller {}: {}", reseller, e.toString());
            }
            return new SyncOutcome(true, (long) report.added() + report.changed() + report.unchanged(), null);
        } catch (SyncLeaseLost e) {
            LOG.warn(
                    "the sync lease of reseller {} lapsed while {} synced it and another instance took it over;"
                            + " {} stopped after the page it had stored",
                    reseller,
                    instance,
                    instance);
            return SyncOutcome.FRESH;
        } catch (RuntimeException e) {
            return SyncOutcome.failed(failure("sync", reseller, e));
        } finally {
            try {
                leases.release(reseller, instance);
            } catch (RuntimeException e) {
                LOG.warn("could not release the sync of reseller {} (it lapses by itself): {}", reseller, e.toString());
            }
        }
    }
}
