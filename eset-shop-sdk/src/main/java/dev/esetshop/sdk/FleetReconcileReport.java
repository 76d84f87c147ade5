package dev.esetshop.sdk;

import dev.esetshop.core.ResellerId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link EsetShops#reconcileAll()} did on this instance.
 *
 * @param reconciled each reconciled reseller's report
 * @param failed resellers whose reconcile failed, in the order they were reconciled, each with its stable code and
 *     message
 */
public record FleetReconcileReport(Map<ResellerId, ReconcileReport> reconciled, List<ResellerFailure> failed) {

    /** A report; the map and the list are copied. */
    public FleetReconcileReport {
        reconciled = Map.copyOf(Objects.requireNonNull(reconciled, "reconciled"));
        failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
    }
}
