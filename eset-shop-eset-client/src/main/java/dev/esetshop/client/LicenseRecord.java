package dev.esetshop.client;

import dev.esetshop.core.License;
import java.util.Objects;
import java.util.Optional;

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
     * A record that could not be read.
     *
     * @param publicLicenseId the record's public license id as ESET sent it, when there was one: raw text, not a
     *     {@link dev.esetshop.core.LicenseId}, because the record failed validation and the id itself may be what
     *     is wrong (empty, too long, blanks)
     * @param reason what is wrong, without any secret of the record
     */
    record Malformed(Optional<String> publicLicenseId, String reason) implements LicenseRecord {
        public Malformed {
            Objects.requireNonNull(publicLicenseId, "publicLicenseId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
