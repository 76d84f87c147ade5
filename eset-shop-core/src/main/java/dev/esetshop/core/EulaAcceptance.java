package dev.esetshop.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The reseller's acceptance of ESET's end user license agreement, required for NEW and TRIAL orders.
 *
 * @param version the EULA version accepted
 * @param acceptedBy who accepted it (the reseller's user)
 * @param acceptedAt when it was accepted
 */
public record EulaAcceptance(String version, String acceptedBy, Instant acceptedAt) {

    /**
     * An acceptance.
     *
     * @throws IllegalArgumentException when the version or who accepted it is blank
     */
    public EulaAcceptance {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        if (version.isBlank() || acceptedBy.isBlank()) {
            throw new IllegalArgumentException("an EULA acceptance needs the version and who accepted it");
        }
    }

    /** An acceptance; see {@link #EulaAcceptance(String, String, Instant)}. */
    public static EulaAcceptance of(String version, String acceptedBy, Instant acceptedAt) {
        return new EulaAcceptance(version, acceptedBy, acceptedAt);
    }
}
