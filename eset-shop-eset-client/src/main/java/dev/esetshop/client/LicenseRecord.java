package dev.esetshop.client;

import dev.esetshop.core.License;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One record of a license search: a license, or a record that could not be read, which the caller can skip and
 * report instead of losing the whole page.
 */
public sealed interface LicenseRecord permits LicenseRecord.Valid, LicenseRecord.Malformed {

    /** A license read in full. */
    record Valid(License license) implements LicenseRecord {
        public Valid {
            Objects.requireNonNull(license, "license");
        }
    }

    /**
     * A record that could not be read: its public license id as ESET sent it, when there was one, and what is wrong.
     * The id is raw text, not a {@link dev.esetshop.core.LicenseId}, because the record failed validation and the
     * id itself may be what is wrong (empty, too long, blanks).
     */
    final class Malformed implements LicenseRecord {
        private final @Nullable String publicLicenseId;
        private final String reason;

        private Malformed(@Nullable String publicLicenseId, String reason) {
            this.publicLicenseId = publicLicenseId;
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        /**
         * A record that came with a public license id.
         *
         * @param publicLicenseId the id as ESET sent it
         * @param reason what is wrong, without any secret of the record
         * @return the record
         */
        public static Malformed of(String publicLicenseId, String reason) {
            return new Malformed(Objects.requireNonNull(publicLicenseId, "publicLicenseId"), reason);
        }

        /**
         * A record that came without a readable public license id.
         *
         * @param reason what is wrong, without any secret of the record
         * @return the record
         */
        public static Malformed withoutId(String reason) {
            return new Malformed(null, reason);
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
            return other instanceof Malformed that
                    && Objects.equals(publicLicenseId, that.publicLicenseId)
                    && reason.equals(that.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(publicLicenseId, reason);
        }

        @Override
        public String toString() {
            return "Malformed[publicLicenseId=" + publicLicenseId().orElse("") + ", reason=" + reason + "]";
        }
    }
}
