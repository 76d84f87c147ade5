package dev.esetshop.sdk.license;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where the license sync stands. A run asks ESET for the licenses modified at or after {@link #since()} (all of them
 * when empty), page by page from {@link #nextSkip()}; {@link #highWater()} is the latest modification seen in the
 * run. When the run completes, the next run starts from its high-water mark with skip 0.
 */
@Value.Immutable
public interface SyncCursor {

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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(SyncCursor instance);

        /**
         * Sets {@link SyncCursor#since()}.
         *
         * @param since the value
         * @return this builder
         */
        Builder since(Instant since);

        /**
         * Sets {@link SyncCursor#since()}.
         *
         * @param since the value
         * @return this builder
         */
        Builder since(Optional<? extends Instant> since);

        /**
         * Sets {@link SyncCursor#nextSkip()}.
         *
         * @param nextSkip the value
         * @return this builder
         */
        Builder nextSkip(int nextSkip);

        /**
         * Sets {@link SyncCursor#highWater()}.
         *
         * @param highWater the value
         * @return this builder
         */
        Builder highWater(Instant highWater);

        /**
         * Sets {@link SyncCursor#highWater()}.
         *
         * @param highWater the value
         * @return this builder
         */
        Builder highWater(Optional<? extends Instant> highWater);

        /**
         * Sets {@link SyncCursor#inProgress()}.
         *
         * @param inProgress the value
         * @return this builder
         */
        Builder inProgress(boolean inProgress);

        /**
         * Sets {@link SyncCursor#lastCompleted()}.
         *
         * @param lastCompleted the value
         * @return this builder
         */
        Builder lastCompleted(Instant lastCompleted);

        /**
         * Sets {@link SyncCursor#lastCompleted()}.
         *
         * @param lastCompleted the value
         * @return this builder
         */
        Builder lastCompleted(Optional<? extends Instant> lastCompleted);

        /**
         * Builds the value.
         *
         * @return the SyncCursor
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        SyncCursor build();
    }
}
