package dev.esetshop.spring.internal;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.FleetReconcileReport;
import dev.esetshop.sdk.FleetSyncReport;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.ResellerFailure;
import dev.esetshop.sdk.remind.ReminderReport;
import dev.esetshop.spring.EsetShopProperties;
import dev.esetshop.spring.EsetShopScheduler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fleet sync, the reconcile and the renewal reminders of every reseller on one daemon thread of its own,
 * while the application runs; each is switched off with {@code eset.shop.sync.enabled=false},
 * {@code eset.shop.reconcile.enabled=false} or {@code eset.shop.reminders.enabled=false}, and reminders run only when
 * the host has a {@code RenewalRemindersHandler} to give them to.
 */
public final class ShopScheduler implements EsetShopScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ShopScheduler.class);

    private final EsetShops shops;
    private final ResellerDirectory directory;
    private final EsetShopProperties properties;
    private final boolean remindersHandled;
    private volatile @Nullable ScheduledExecutorService timer;

    /**
     * A scheduler, started with the application context.
     *
     * @param shops the registry
     * @param directory the host's resellers
     * @param properties the intervals and switches
     * @param remindersHandled true when the host has a handler for renewal reminders (else no reminder round runs:
     *     a reminder delivered to nobody would still count as delivered)
     */
    public ShopScheduler(
            EsetShops shops, ResellerDirectory directory, EsetShopProperties properties, boolean remindersHandled) {
        this.shops = shops;
        this.directory = directory;
        this.properties = properties;
        this.remindersHandled = remindersHandled;
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
        if (properties.reminders().enabled() && remindersHandled) {
            schedule(started, properties.reminders().interval(), this::remindAll);
        } else if (properties.reminders().enabled()) {
            LOG.info("no RenewalRemindersHandler bean: renewal reminders are not delivered on a timer");
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

    @Override
    public FleetSyncReport syncAll() {
        FleetSyncReport report = shops.syncAll(properties.sync().maxAge());
        report.failed().forEach(failure -> warn("sync", failure));
        LOG.info(
                "fleet sync: {} of {} resellers synced, {} failed, {} licenses in {} ms",
                report.synced(),
                report.resellers(),
                report.failed().size(),
                report.licenses(),
                report.duration().toMillis());
        return report;
    }

    @Override
    public List<ResellerFailure> reconcileAll() {
        FleetReconcileReport report = shops.reconcileAll();
        report.failed().forEach(failure -> warn("reconcile", failure));
        return report.failed();
    }

    private static void warn(String round, ResellerFailure failure) {
        LOG.warn(
                "{} of reseller {} failed: {} {}{}",
                round,
                failure.reseller(),
                failure.code(),
                failure.message(),
                failure.retryable() ? " (the next round tries again)" : " (retrying does not help until it is fixed)");
    }

    @Override
    public Map<ResellerId, ReminderReport> remindAll() {
        Map<ResellerId, ReminderReport> reports = new LinkedHashMap<>();
        for (ResellerId reseller : directory.resellers()) {
            try {
                ReminderReport report = shops.shop(reseller).deliverReminders();
                reports.put(reseller, report);
                if (report.delivered() > 0 || report.failed() > 0) {
                    LOG.info(
                            "renewal reminders of reseller {}: due {}, delivered {}, delivered before {}, failed {}",
                            reseller,
                            report.due(),
                            report.delivered(),
                            report.deliveredBefore(),
                            report.failed());
                }
            } catch (EsetShopException | IllegalStateException e) {
                LOG.warn("renewal reminders of reseller {} failed: {}", reseller, e.toString());
            }
        }
        return reports;
    }

    private static void schedule(ScheduledExecutorService timer, Duration interval, Runnable round) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        round.run();
                    } catch (RuntimeException e) {
                        // a round that fails must not end the schedule: the next one tries again
                        LOG.warn("scheduled ESET shop round failed: {}", e.toString());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }
}
