package dev.esetshop.core;

import java.time.Instant;
import org.immutables.value.Value;

/** The reseller's acceptance of ESET's end user license agreement, required for NEW and TRIAL orders. */
@Value.Immutable
public abstract class EulaAcceptance {
    /** Only the generated implementation extends it. */
    EulaAcceptance() {}

    /** The EULA version accepted. */
    public abstract String version();

    /** Who accepted it (the reseller's user). */
    public abstract String acceptedBy();

    /** When it was accepted. */
    public abstract Instant acceptedAt();

    /** An acceptance. */
    public static EulaAcceptance of(String version, String acceptedBy, Instant acceptedAt) {
        return ImmutableEulaAcceptance.builder()
                .version(version)
                .acceptedBy(acceptedBy)
                .acceptedAt(acceptedAt)
                .build();
    }

    @Value.Check
    void check() {
        if (version().isBlank() || acceptedBy().isBlank()) {
            throw new IllegalArgumentException("an EULA acceptance needs the version and who accepted it");
        }
    }
}
