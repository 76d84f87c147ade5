package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.LicensePage;
import dev.esetshop.client.LicenseRecord;
import dev.esetshop.core.License;
import dev.esetshop.core.PrintableText;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.SyncProgress;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;
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

    /**
     * Stores a page; when the database refuses the page for its data (a value it cannot hold: SQL state class 22 or
     * 23), stores its licenses one by one under the cursor before the page, quarantines those refused, and then
     * moves the cursor: one odd record never blocks a sync.
     */
    private LicenseStore.PageOutcome storePage(
            List<License> page,
            SyncCursor after,
            @Nullable SyncCursor before,
            List<SyncReport.Quarantined> quarantined) {
        try {
            return store.storePage(page, after);
        } catch (StorageException failure) {
            if (page.isEmpty() || !isDataFailure(failure)) {
                throw failure;
            }
        }
        SyncCursor unchanged = before != null
                ? before
                : ImmutableSyncCursor.builder().nextSkip(0).inProgress(true).build();
        LicenseStore.PageOutcome total = new LicenseStore.PageOutcome(0, 0, 0);
        for (License license : page) {
            try {
                total = total.plus(store.storePage(List.of(license), unchanged));
            } catch (StorageException refused) {
                if (!isDataFailure(refused)) {
                    throw refused;
                }
                String reason = "the database refused the record (SQL state " + sqlState(refused) + ")";
                LOG.warn("license record {} quarantined: {}", license.id(), reason);
                quarantined.add(SyncReport.Quarantined.of(license.id().value(), reason));
            }
        }
        return total.plus(store.storePage(List.of(), after));
    }

    private static boolean isDataFailure(StorageException failure) {
        String state = sqlState(failure);
        return state.startsWith("22") || state.startsWith("23");
    }

    private static String sqlState(StorageException failure) {
        return failure.getCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
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
            LicensePage page = since.isPresent()
                    ? api.searchLicenses(skip, PAGE_SIZE, since.get())
                    : api.searchLicenses(skip, PAGE_SIZE);
            pages++;
            List<License> valid = new ArrayList<>(page.items().size());
            for (LicenseRecord record : page.items()) {
                if (record instanceof LicenseRecord.Valid ok) {
                    LicenseText.Checked checked = LicenseText.check(ok.license());
                    if (checked instanceof LicenseText.Refused refused) {
                        LOG.warn(
                                "license record {} quarantined: {}",
                                ok.license().id(),
                                refused.reason());
                        quarantined.add(
                                SyncReport.Quarantined.of(ok.license().id().value(), refused.reason()));
                        continue;
                    }
                    valid.add(((LicenseText.Storable) checked).license());
                    Instant modified = ok.license().modified();
                    if (highWater.isEmpty() || modified.isAfter(highWater.get())) {
                        highWater = Optional.of(modified);
                    }
                } else {
                    LicenseRecord.Malformed bad = (LicenseRecord.Malformed) record;
                    // whatever adapter read the record, its id and reason reach logs and screens printable only
                    Optional<String> id = bad.publicLicenseId().map(PrintableText::of);
                    String reason = PrintableText.of(bad.reason());
                    LOG.warn("license record {} quarantined: {}", id.orElse("(no id)"), reason);
                    quarantined.add(id.map(known -> SyncReport.Quarantined.of(known, reason))
                            .orElseGet(() -> SyncReport.Quarantined.withoutId(reason)));
                }
            }
            skip += page.items().size();
            boolean last = !page.hasNext();
            SyncCursor after = last
                    ? ImmutableSyncCursor.builder()
                            // the next run asks from the latest change seen, so nothing changed since is missed
                            .since(highWater.or(() -> since))
                            .nextSkip(0)
                            .highWater(highWater)
                            .inProgress(false)
                            .lastCompleted(clock.instant())
                            .build()
                    : ImmutableSyncCursor.builder()
                            .since(since)
                            .nextSkip(skip)
                            .highWater(highWater)
                            .inProgress(true)
                            .lastCompleted(lastCompleted)
                            .build();
            storeLock.lock();
            try {
                total = total.plus(storePage(valid, after, stored.orElse(null), quarantined));
            } finally {
                storeLock.unlock();
            }
            stored = Optional.of(after);
            progress.onPage(skip, page.totalCount());
            if (last) {
                break;
            }
        }
        return ImmutableSyncReport.builder()
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
