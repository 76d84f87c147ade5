package dev.esetshop.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** The reseller as an ESET partner: id, company, level and margin, with the marketplace's view of it. */
@Value.Immutable
public sealed interface PartnerStatus permits ImmutablePartnerStatus {

    /** ESET's partner id. */
    String partnerId();

    /** The partner's company name. */
    String companyName();

    /** The partner's email address at ESET. */
    String email();

    /** The partner level. */
    PartnerLevel level();

    /** The partner margin, a share in [0, 1): 0.25 is 25 %. */
    BigDecimal margin();

    /** The reseller's customer number at the marketplace, when the shop was given one. */
    Optional<String> marketplaceCustomerNumber();

    /** When the license book was last synced with ESET successfully; empty before the first sync. */
    Optional<Instant> lastSync();

    /** A builder; every value but the customer number and the last sync is required. */
    static Builder builder() {
        return ImmutablePartnerStatus.builder();
    }

    /** Collects the values of a {@link PartnerStatus}; {@link #build()} checks them. */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(PartnerStatus instance);

        /** Required. */
        Builder partnerId(String partnerId);

        /** Required. */
        Builder companyName(String companyName);

        /** Required. */
        Builder email(String email);

        /** Required. */
        Builder level(PartnerLevel level);

        /** Required. */
        Builder margin(BigDecimal margin);

        /** Optional. */
        Builder marketplaceCustomerNumber(String marketplaceCustomerNumber);

        /** Optional: none before the first sync. */
        Builder lastSync(Instant lastSync);

        /** Builds the status; throws {@link IllegalStateException} when a required value is missing. */
        PartnerStatus build();
    }
}
