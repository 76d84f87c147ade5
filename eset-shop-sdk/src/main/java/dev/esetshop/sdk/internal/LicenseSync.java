package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.LicensePage;
import dev.esetshop.client.LicenseRecord;
import dev.esetshop.core.License;
import dev.esetshop.sdk.SyncProgress;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The license sync: pages {@code Search/Licenses} from the stored cursor and stores each page with the cursor after
 * it, so a crash resumes at the next page; only one page is held at a time.
 */
public final class LicenseSync {

    /** The page size asked of ESET. */
    public static final int PAGE_SIZE = EsetPartnerApi.MAX_PAGE_SIZE;

    private static final Logger LOG = LoggerFactory.getLogger(LicenseSync.class);

    private final EsetPartnerApi api;
    private final LicenseStore store;
    private final Clock clock;
    private final Lock storeLock;

    /** A sync over the API and the store; {@code storeLock} serialises writes of the cursor within the shop. */
    public LicenseSync(EsetPartnerApi api, LicenseStore store, Clock clock, Lock storeLock) {
        this.api = api;
        this.store = store;
        this.clock = clock;
        this.storeLock = storeLock;
    }

    /** Runs (or resumes) one sync to its end; a second caller waits for the first, as both move one cursor. */
    public synchronized SyncReport run(SyncProgress progress) {
        Instant started = clock.instant();
        Optional<SyncCursor> stored = store.cursor();
        boolean resumed = stored.map(SyncCursor::inProgress).orElse(false);
        Optional<Instant> since = stored.flatMap(SyncCursor::since);
        Optional<Instant> highWater = stored.flatMap(SyncCursor::highWater);
        Optional<Instant> lastCompleted = stored.flatMap(SyncCursor::lastCompleted);
        int skip = resumed ? stored.get().nextSkip() : 0;

        LicenseStore.PageOutcome total = new LicenseStore.PageOutcome(0, 0, 0);
        List<SyncReport.Quarantined> quarantined = new ArrayList<>();
        int pages = 0;
        while (true) {
            LicensePage page = api.searchLicenses(skip, PAGE_SIZE, since);
            pages++;
            List<License> valid = new ArrayList<>(page.items().size());
            for (LicenseRecord record : page.items()) {
                if (record instanceof LicenseRecord.Valid ok) {
                    valid.add(ok.license());
                    Instant modified = ok.license().modified();
                    if (highWater.isEmpty() || modified.isAfter(highWater.get())) {
                        highWater = Optional.of(modified);
                    }
                } else {
                    LicenseRecord.Malformed bad = (LicenseRecord.Malformed) record;
                    LOG.warn("license record {} quarantined: {}", bad.publicLicenseId().orElse("(no id)"), bad.reason());
                    quarantined.add(new SyncReport.Quarantined(bad.publicLicenseId(), bad.reason()));
                }
            }
            skip += page.items().size();
            boolean last = !page.hasNext();
            SyncCursor after = last
                    ? SyncCursor.builder()
                            // the next run asks from the latest change seen, so nothing changed since is missed
                            .since(highWater.or(() -> since))
                            .nextSkip(0)
                            .highWater(highWater)
                            .inProgress(false)
                            .lastCompleted(clock.instant())
                            .build()
                    : SyncCursor.builder()
                            .since(since)
                            .nextSkip(skip)
                            .highWater(highWater)
                            .inProgress(true)
                            .lastCompleted(lastCompleted)
                            .build();
            storeLock.lock();
            try {
                total = total.plus(store.storePage(valid, after));
            } finally {
                storeLock.unlock();
            }
            progress.onPage(skip, page.totalCount());
            if (last) {
                break;
            }
        }
        return SyncReport.builder()
                .added(total.added())
                .changed(total.changed())
                .unchanged(total.unchanged())
                .quarantined(quarantined)
                .pages(pages)
                .duration(Duration.between(started, clock.instant()))
                .resumed(resumed)
                .build();
    }
}
