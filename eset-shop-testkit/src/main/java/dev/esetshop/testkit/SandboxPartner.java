package dev.esetshop.testkit;

import dev.esetshop.core.PartnerLevel;
import java.math.BigDecimal;
import org.immutables.value.Value;

/** The ESET partner whose data the sandbox serves. */
@Value.Immutable
public interface SandboxPartner {

    /** ESET's partner id. */
    String partnerId();

    /** The partner's company name. */
    String companyName();

    /** The partner's email address at ESET. */
    String email();

    /** The partner level. */
    PartnerLevel level();

    /** The partner margin, a share in [0, 1). */
    BigDecimal margin();

    /** False when ESET has not granted the marketplace access to the partner's data (403 code 5 on data calls). */
    @Value.Default
    default boolean accessGranted() {
        return true;
    }

    /** A builder. */
    static ImmutableSandboxPartner.Builder builder() {
        return ImmutableSandboxPartner.builder();
    }

    /** The demo partner: ESET-P-104233, Sync IT Trial GmbH, GOLD, margin 0.25, access granted. */
    static SandboxPartner demo() {
        return builder()
                .partnerId("ESET-P-104233")
                .companyName("Sync IT Trial GmbH")
                .email("admin@syncit.example")
                .level(PartnerLevel.GOLD)
                .margin(new BigDecimal("0.25"))
                .build();
    }

    /** Refuses inconsistent values when the value is built. */
    @Value.Check
    default void check() {
        if (margin().signum() < 0 || margin().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("margin must be in [0, 1): " + margin());
        }
    }
}
