package dev.esetshop.spring.internal;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.FleetReconcileReport;
import dev.esetshop.sdk.FleetSyncReport;
import dev.esetshop.sdk.ReconcileReport;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.spring.EsetShopMonitor;
import dev.esetshop.spring.EsetShopProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the fleet sync and the reconcile of every reseller on one daemon thread of its own, while the application
 * runs; each is switched off with {@code eset.shop.sync.enabled=false} or {@code eset.shop.reconcile.enabled=false}.
 */
public final class ShopScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ShopScheduler.class);

    private final EsetShops shops;
    private final ResellerDirectory directory;
    private final EsetShopMonitor monitor;
    private final EsetShopProperties properties;
    private volatile ScheduledExecutorService timer;

    /**
     * A scheduler, started with the application context.
     *
     * @param shops the registry
     * @param directory the host's resellers
     * @param monitor where the outcomes are recorded
     * @param properties the intervals and switches
     */
    public ShopScheduler(EsetShops shops, ResellerDirectory directory, EsetShopMonitor monitor,
            EsetShopProperties properties) {
        this.shops = shops;
        this.directory = directory;
        this.monitor = monitor;
        this.properties = properties;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "eset-shop-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        if (properties.reconcile().enabled()) {
            schedule(started, properties.reconcile().interval(), this::reconcileAll);
        }
        if (properties.sync().enabled()) {
            schedule(started, properties.sync().interval(), this::syncAll);
        }
        timer = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** One round of the fleet sync: every book older than {@code eset.shop.sync.max-age}. */
    public FleetSyncReport syncAll() {
        FleetSyncReport report = shops.syncAll(properties.sync().maxAge());
        monitor.recordFleetSync(directory.resellers(), report);
        report.failed().forEach((reseller, reason) -> LOG.warn("sync of reseller {} failed: {}", reseller, reason));
        LOG.info("fleet sync: {} of {} resellers synced, {} failed, {} licenses in {} ms", report.synced(),
                report.resellers(), report.failed().size(), report.licenses(), report.duration().toMillis());
        return report;
    }

    /**
     * One round of reconcile: every reseller with open orders or undelivered confirmations in the database (those a
     * stopped instance left included); a reseller that fails is logged and the round goes on.
     */
    public List<ResellerId> reconcileAll() {
        FleetReconcileReport report = shops.reconcileAll();
        report.reconciled().forEach(monitor::recordReconcile);
        report.failed().forEach((reseller, reason) -> LOG.warn("reconcile of reseller {} failed: {}", reseller,
                reason));
        return List.copyOf(report.failed().keySet());
    }

    private static void schedule(ScheduledExecutorService timer, Duration interval, Runnable round) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                // a round that fails must not end the schedule: the next one tries again
                LOG.warn("scheduled ESET shop round failed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }
}
