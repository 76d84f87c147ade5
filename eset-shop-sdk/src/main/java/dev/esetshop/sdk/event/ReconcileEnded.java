package dev.esetshop.sdk.event;

import dev.esetshop.client.WorkScope;
import dev.esetshop.sdk.ReconcileReport;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A reconcile ended ({@link ShopListener#onReconcileEnded}).
 *
 * @param outcome {@link WorkScope#SUCCESS}, or the stable code of the failure that stopped it (such as
 *     {@code STORAGE})
 * @param report what it settled, left pending and redelivered; empty when it failed
 * @param took how long it took by the shop's clock
 */
public record ReconcileEnded(String outcome, Optional<ReconcileReport> report, Duration took) {

    /** Checked values. */
    public ReconcileEnded {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(took, "took");
    }
}
