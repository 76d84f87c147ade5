package dev.esetshop.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one round of {@link EsetShops#syncAll} did on this instance.
 *
 * @param resellers resellers the directory listed
 * @param synced resellers this instance synced in the round
 * @param fresh resellers left alone because their book was recent enough or another instance held their sync
 * @param failed resellers whose sync failed, in the directory's order, each with its stable code and message
 * @param licenses licenses received by the syncs of this instance
 * @param duration how long the round took on the registry's clock
 */
public record FleetSyncReport(
        int resellers, int synced, int fresh, List<ResellerFailure> failed, long licenses, Duration duration) {

    /** A report; the list of failures is copied. */
    public FleetSyncReport {
        failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
        Objects.requireNonNull(duration, "duration");
    }
}
