package dev.esetshop.sdk.event;

import dev.esetshop.client.WorkScope;
import dev.esetshop.sdk.SyncReport;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A sync of the license book ended ({@link ShopListener#onSyncEnded}).
 *
 * @param outcome {@link WorkScope#SUCCESS}, or the stable code of the failure that stopped it (such as
 *     {@code ESET_UNAVAILABLE}); a sync that stopped keeps the pages it stored, and the next one resumes there
 * @param report what it fetched, stored and quarantined; empty when it failed
 * @param took how long it took by the shop's clock
 */
public record SyncEnded(String outcome, Optional<SyncReport> report, Duration took) {

    /** Checked values. */
    public SyncEnded {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(took, "took");
    }
}
