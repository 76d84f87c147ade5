package dev.esetshop.sdk;

import dev.esetshop.core.ResellerId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one round of {@link EsetShops#syncAll} did on this instance.
 *
 * @param resellers resellers the directory listed
 * @param synced resellers this instance synced in the round
 * @param fresh resellers left alone because their book was recent enough or another instance held their sync
 * @param failed resellers whose sync failed, with the error's stable code and message (never a secret)
 * @param licenses licenses received by the syncs of this instance
 * @param duration how long the round took on the registry's clock
 */
public record FleetSyncReport(
        int resellers, int synced, int fresh, Map<ResellerId, String> failed, long licenses, Duration duration) {

    /** A report; the map of failures is copied. */
    public FleetSyncReport {
        Objects.requireNonNull(failed, "failed");
        Objects.requireNonNull(duration, "duration");
        failed = Map.copyOf(failed);
    }
}
