package dev.esetshop.testkit;

import dev.esetshop.core.PartnerLevel;
import java.math.BigDecimal;
import org.immutables.value.Value;

/** The ESET partner whose data the sandbox serves. */
@Value.Immutable
public abstract sealed class SandboxPartner permits ImmutableSandboxPartner {
    /** Only the generated implementation extends it. */
    SandboxPartner() {}

    /** ESET's partner id. */
    public abstract String partnerId();

    /** The partner's company name. */
    public abstract String companyName();

    /** The partner's email address at ESET. */
    public abstract String email();

    /** The partner level. */
    public abstract PartnerLevel level();

    /** The partner margin, a share in [0, 1). */
    public abstract BigDecimal margin();

    /** False when ESET has not granted the marketplace access to the partner's data (403 code 5 on data calls). */
    @Value.Default
    public boolean accessGranted() {
        return true;
    }

    /** A builder. */
    public static Builder builder() {
        return ImmutableSandboxPartner.builder();
    }

    /** The demo partner: ESET-P-104233, Sync IT Trial GmbH, GOLD, margin 0.25, access granted. */
    public static SandboxPartner demo() {
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
    void check() {
        if (margin().signum() < 0 || margin().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("margin must be in [0, 1): " + margin());
        }
    }

    /** Collects the values of a {@link SandboxPartner}; {@link #build()} checks them. */
    public interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(SandboxPartner instance);

        /** Required. */
        Builder partnerId(String partnerId);

        /** Required. */
        Builder companyName(String companyName);

        /** Required. */
        Builder email(String email);

        /** Required. */
        Builder level(PartnerLevel level);

        /** Required; 0 or more, below 1. */
        Builder margin(BigDecimal margin);

        /** Default true. */
        Builder accessGranted(boolean accessGranted);

        /**
         * Builds the partner; throws {@link IllegalStateException} when a required value is missing, {@link
         * IllegalArgumentException} when the margin is out of range.
         */
        SandboxPartner build();
    }
}
