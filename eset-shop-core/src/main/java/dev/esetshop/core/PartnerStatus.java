package dev.esetshop.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** The reseller as an ESET partner: id, company, level and margin, with the marketplace's view of it. */
@Value.Immutable
public interface PartnerStatus {

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

    /** A builder. */
    static Builder builder() {
        return ImmutablePartnerStatus.builder();
    }

    /** Collects the values of a {@link PartnerStatus}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(PartnerStatus instance);

        /**
         * Sets {@link PartnerStatus#partnerId()}.
         *
         * @param partnerId the value
         * @return this builder
         */
        Builder partnerId(String partnerId);

        /**
         * Sets {@link PartnerStatus#companyName()}.
         *
         * @param companyName the value
         * @return this builder
         */
        Builder companyName(String companyName);

        /**
         * Sets {@link PartnerStatus#email()}.
         *
         * @param email the value
         * @return this builder
         */
        Builder email(String email);

        /**
         * Sets {@link PartnerStatus#level()}.
         *
         * @param level the value
         * @return this builder
         */
        Builder level(PartnerLevel level);

        /**
         * Sets {@link PartnerStatus#margin()}.
         *
         * @param margin the value
         * @return this builder
         */
        Builder margin(BigDecimal margin);

        /**
         * Sets {@link PartnerStatus#marketplaceCustomerNumber()}.
         *
         * @param marketplaceCustomerNumber the value
         * @return this builder
         */
        Builder marketplaceCustomerNumber(String marketplaceCustomerNumber);

        /**
         * Sets {@link PartnerStatus#marketplaceCustomerNumber()}.
         *
         * @param marketplaceCustomerNumber the value
         * @return this builder
         */
        Builder marketplaceCustomerNumber(Optional<String> marketplaceCustomerNumber);

        /**
         * Sets {@link PartnerStatus#lastSync()}.
         *
         * @param lastSync the value
         * @return this builder
         */
        Builder lastSync(Instant lastSync);

        /**
         * Sets {@link PartnerStatus#lastSync()}.
         *
         * @param lastSync the value
         * @return this builder
         */
        Builder lastSync(Optional<? extends Instant> lastSync);

        /**
         * Builds the value.
         *
         * @return the PartnerStatus
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        PartnerStatus build();
    }
}
