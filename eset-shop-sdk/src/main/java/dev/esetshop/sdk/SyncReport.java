package dev.esetshop.sdk;

import dev.esetshop.sdk.internal.ImmutableSyncReport;
import dev.esetshop.sdk.internal.InternalValue;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

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
     * A record that could not be read. Its public license id is raw text as ESET sent it, not a
     * {@link dev.esetshop.core.LicenseId}, because the record failed validation and the id itself may be what is wrong
     * (empty, too long, blanks).
     */
    final class Quarantined {
        private final @Nullable String publicLicenseId;
        private final String reason;

        private Quarantined(@Nullable String publicLicenseId, String reason) {
            this.publicLicenseId = publicLicenseId;
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        /**
         * A quarantined record that came with a public license id.
         *
         * @param publicLicenseId the id as ESET sent it
         * @param reason what is wrong, without any secret of the record
         * @return the quarantined record
         */
        public static Quarantined of(String publicLicenseId, String reason) {
            return new Quarantined(Objects.requireNonNull(publicLicenseId, "publicLicenseId"), reason);
        }

        /**
         * A quarantined record that came without a readable public license id.
         *
         * @param reason what is wrong, without any secret of the record
         * @return the quarantined record
         */
        public static Quarantined withoutId(String reason) {
            return new Quarantined(null, reason);
        }

        /**
         * The record's public license id as ESET sent it.
         *
         * @return the id, empty when the record had none
         */
        public Optional<String> publicLicenseId() {
            return Optional.ofNullable(publicLicenseId);
        }

        /**
         * What is wrong, without any secret of the record.
         *
         * @return the reason
         */
        public String reason() {
            return reason;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Quarantined that
                    && Objects.equals(publicLicenseId, that.publicLicenseId)
                    && reason.equals(that.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(publicLicenseId, reason);
        }

        @Override
        public String toString() {
            return "Quarantined[publicLicenseId=" + publicLicenseId() + ", reason=" + reason + "]";
        }
    }
}
