package dev.esetshop.sdk;

import dev.esetshop.core.ResellerId;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link EsetShops#reconcileAll()} did on this instance.
 *
 * @param reconciled each reconciled reseller's report
 * @param failed resellers whose reconcile failed, with the error's stable code and message (never a secret)
 */
public record FleetReconcileReport(Map<ResellerId, ReconcileReport> reconciled, Map<ResellerId, String> failed) {

    /** A report; the maps are copied. */
    public FleetReconcileReport {
        reconciled = Map.copyOf(Objects.requireNonNull(reconciled, "reconciled"));
        failed = Map.copyOf(Objects.requireNonNull(failed, "failed"));
    }
}
