package dev.esetshop.examples.web;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.SyncReport;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Runs a reseller's sync in the background, so the page can show its progress while it runs. */
@Component
class SyncRunner implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    /** A reseller's sync as the page shows it. */
    record Progress(boolean running, int done, int total, Optional<SyncReport> report, Optional<String> error) {}

    private final EsetShops shops;
    private final Map<ResellerId, Progress> progress = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "web-shop-sync");
        thread.setDaemon(true);
        return thread;
    });

    /** A runner of the registry's syncs; the starter's monitor measures each of them from the shop's events. */
    SyncRunner(EsetShops shops) {
        this.shops = shops;
    }

    /** Starts a sync unless one is running for the reseller. */
    synchronized void start(ResellerId reseller) {
        if (progress(reseller).map(Progress::running).orElse(false)) {
            return;
        }
        progress.put(reseller, new Progress(true, 0, 0, Optional.empty(), Optional.empty()));
        threads.execute(() -> {
            try {
                SyncReport report = shops.shop(reseller)
                        .sync((done, total) -> progress.put(
                                reseller, new Progress(true, done, total, Optional.empty(), Optional.empty())));
                int total = report.added() + report.changed() + report.unchanged();
                LOG.info(
                        "sync of {}: {} added, {} changed, {} unchanged, {} quarantined in {} ms",
                        reseller,
                        report.added(),
                        report.changed(),
                        report.unchanged(),
                        report.quarantined().size(),
                        report.duration().toMillis());
                progress.put(reseller, new Progress(false, total, total, Optional.of(report), Optional.empty()));
            } catch (EsetShopException e) {
                LOG.warn("sync of {} failed: {}", reseller, e.code());
                progress.put(
                        reseller,
                        new Progress(false, 0, 0, Optional.empty(), Optional.of(e.code() + ": " + e.getMessage())));
            }
        });
    }

    Optional<Progress> progress(ResellerId reseller) {
        return Optional.ofNullable(progress.get(reseller));
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
