package dev.esetshop.core;

import java.time.Instant;
import org.immutables.value.Value;

/** The reseller's acceptance of ESET's end user license agreement, required for NEW and TRIAL orders. */
@Value.Immutable
public interface EulaAcceptance {

    /** The EULA version accepted. */
    String version();

    /** Who accepted it (the reseller's user). */
    String acceptedBy();

    /** When it was accepted. */
    Instant acceptedAt();

    /** An acceptance. */
    static EulaAcceptance of(String version, String acceptedBy, Instant acceptedAt) {
        return ImmutableEulaAcceptance.builder()
                .version(version).acceptedBy(acceptedBy).acceptedAt(acceptedAt).build();
    }

    @Value.Check
    default void check() {
        if (version().isBlank() || acceptedBy().isBlank()) {
            throw new IllegalArgumentException("an EULA acceptance needs the version and who accepted it");
        }
    }
}
