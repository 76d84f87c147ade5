package dev.esetshop.sdk.license;

import dev.esetshop.sdk.internal.ImmutableSyncCursor;
import dev.esetshop.sdk.internal.InternalValue;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where the license sync stands. A run asks ESET for the licenses modified at or after {@link #since()} (all of them
 * when empty), page by page from {@link #nextSkip()}; {@link #highWater()} is the latest modification seen in the
 * run. When the run completes, the next run starts from its high-water mark with skip 0.
 */
@Value.Immutable
// the shop's own code builds it from optional values: its generated class is public in the internal package
@InternalValue
public sealed interface SyncCursor permits ImmutableSyncCursor {

    /** The lower bound of the current or next run; empty for a full sync. */
    Optional<Instant> since();

    /** The skip of the next page to fetch in the current run (0 when no run is under way). */
    int nextSkip();

    /** The latest {@code modified} seen in the current run. */
    Optional<Instant> highWater();

    /** True while a run is under way (a crash leaves it true, and the next sync resumes). */
    boolean inProgress();

    /** When a run last completed. */
    Optional<Instant> lastCompleted();

    /** A builder. */
    static Builder builder() {
        return ImmutableSyncCursor.builder();
    }

    /** Collects the values of a {@link SyncCursor}; {@link #build()} checks them. */
    interface Builder {
        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(SyncCursor instance);

        Builder since(Instant since);

        /** Required. */
        Builder nextSkip(int nextSkip);

        Builder highWater(Instant highWater);

        /** Required. */
        Builder inProgress(boolean inProgress);

        Builder lastCompleted(Instant lastCompleted);

        /**
         * Builds the value.
         *
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        SyncCursor build();
    }
}
