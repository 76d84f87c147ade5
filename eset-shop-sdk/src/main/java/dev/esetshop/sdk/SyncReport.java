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

    /** A builder. */
    static Builder builder() {
        return ImmutableSyncReport.builder();
    }

    /** Collects the values of a {@link SyncReport}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(SyncReport instance);

        /**
         * Sets {@link SyncReport#added()}.
         *
         * @param added the value
         * @return this builder
         */
        Builder added(int added);

        /**
         * Sets {@link SyncReport#changed()}.
         *
         * @param changed the value
         * @return this builder
         */
        Builder changed(int changed);

        /**
         * Sets {@link SyncReport#unchanged()}.
         *
         * @param unchanged the value
         * @return this builder
         */
        Builder unchanged(int unchanged);

        /**
         * Adds to {@link SyncReport#quarantined()}.
         *
         * @param element the element
         * @return this builder
         */
        Builder addQuarantined(SyncReport.Quarantined element);

        /**
         * Adds to {@link SyncReport#quarantined()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addQuarantined(SyncReport.Quarantined... elements);

        /**
         * Sets {@link SyncReport#quarantined()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder quarantined(Iterable<? extends SyncReport.Quarantined> elements);

        /**
         * Adds to {@link SyncReport#quarantined()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addAllQuarantined(Iterable<? extends SyncReport.Quarantined> elements);

        /**
         * Sets {@link SyncReport#pages()}.
         *
         * @param pages the value
         * @return this builder
         */
        Builder pages(int pages);

        /**
         * Sets {@link SyncReport#duration()}.
         *
         * @param duration the value
         * @return this builder
         */
        Builder duration(Duration duration);

        /**
         * Sets {@link SyncReport#resumed()}.
         *
         * @param resumed the value
         * @return this builder
         */
        Builder resumed(boolean resumed);

        /**
         * Builds the value.
         *
         * @return the SyncReport
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        SyncReport build();
    }
}
