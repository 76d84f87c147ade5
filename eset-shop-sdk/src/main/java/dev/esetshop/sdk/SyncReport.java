package dev.esetshop.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What one {@link EsetShop#sync()} did: licenses added, changed and unchanged, records quarantined, pages, time. */
@Value.Immutable
public interface SyncReport {

    /** Licenses new to the book. */
    int added();

    /** Licenses whose stored record changed. */
    int changed();

    /** Licenses ESET sent again without a change. */
    int unchanged();

    /** Records ESET sent that could not be read, with the reason; the sync went on without them. */
    List<Quarantined> quarantined();

    /** Pages fetched. */
    int pages();

    /** How long the sync took on the shop's clock. */
    Duration duration();

    /** True when this run continued a run that had stopped midway (a crash or an error). */
    boolean resumed();

    /** A record that could not be read. */
    record Quarantined(Optional<String> publicLicenseId, String reason) {
        /** A quarantined record. */
        public Quarantined {
            java.util.Objects.requireNonNull(publicLicenseId, "publicLicenseId");
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    /** A builder. */
    static ImmutableSyncReport.Builder builder() {
        return ImmutableSyncReport.builder();
    }
}
