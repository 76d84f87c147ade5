package dev.esetshop.sdk;

import dev.esetshop.sdk.internal.ImmutableSyncReport;
import dev.esetshop.sdk.internal.InternalValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What one {@link EsetShop#sync()} did: licenses added, changed and unchanged, records quarantined, pages, time. */
@Value.Immutable
// the shop's own code builds it: its generated class is public in the internal package, which no host reads
@InternalValue
public sealed interface SyncReport permits ImmutableSyncReport {

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

    /**
     * A record that could not be read.
     *
     * @param publicLicenseId the record's public license id as ESET sent it, when there was one: raw text, not a
     *     {@link dev.esetshop.core.LicenseId}, because the record failed validation and the id itself may be what
     *     is wrong (empty, too long, blanks)
     * @param reason what is wrong, without any secret of the record
     */
    record Quarantined(Optional<String> publicLicenseId, String reason) {
        /** A quarantined record. */
        public Quarantined {
            java.util.Objects.requireNonNull(publicLicenseId, "publicLicenseId");
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }
}
