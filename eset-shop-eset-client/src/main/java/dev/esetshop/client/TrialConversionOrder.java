package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.Sku;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code License/ConvertTrial}: a trial license becomes a paid license under the same public license id, priced as a
 * new license of the trial's product. ESET keeps the trial's end customer, so the order names none; the end
 * customer's EULA acceptance is required.
 */
@Value.Immutable
public non-sealed interface TrialConversionOrder extends EsetOrder {
    /** The trial license to convert. */
    LicenseId publicLicenseId();

    /** The SKU of the quote's NEW row for the trial's product. */
    Sku sku();

    int seats();

    int years();

    Optional<String> discount();

    Optional<String> eligibilityCode();

    Optional<Crossgrade> crossgrade();

    Optional<String> customerReference();

    /** The end customer's EULA acceptance, which ESET requires for a conversion and keeps with the order. */
    EulaAcceptance eula();

    /** A builder. */
    static Builder builder() {
        return ImmutableTrialConversionOrder.builder();
    }

    @Override
    default Operation operation() {
        return Operation.TRIAL_CONVERSION;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.convertTrial(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }

    /** Collects the values of a {@link TrialConversionOrder}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(TrialConversionOrder instance);

        /**
         * Sets {@link TrialConversionOrder#publicLicenseId()}.
         *
         * @param publicLicenseId the value
         * @return this builder
         */
        Builder publicLicenseId(LicenseId publicLicenseId);

        /**
         * Sets {@link TrialConversionOrder#sku()}.
         *
         * @param sku the value
         * @return this builder
         */
        Builder sku(Sku sku);

        /**
         * Sets {@link TrialConversionOrder#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link TrialConversionOrder#years()}.
         *
         * @param years the value
         * @return this builder
         */
        Builder years(int years);

        /**
         * Sets {@link TrialConversionOrder#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(String discount);

        /**
         * Sets {@link TrialConversionOrder#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(Optional<String> discount);

        /**
         * Sets {@link TrialConversionOrder#eligibilityCode()}.
         *
         * @param eligibilityCode the value
         * @return this builder
         */
        Builder eligibilityCode(String eligibilityCode);

        /**
         * Sets {@link TrialConversionOrder#eligibilityCode()}.
         *
         * @param eligibilityCode the value
         * @return this builder
         */
        Builder eligibilityCode(Optional<String> eligibilityCode);

        /**
         * Sets {@link TrialConversionOrder#crossgrade()}.
         *
         * @param crossgrade the value
         * @return this builder
         */
        Builder crossgrade(Crossgrade crossgrade);

        /**
         * Sets {@link TrialConversionOrder#crossgrade()}.
         *
         * @param crossgrade the value
         * @return this builder
         */
        Builder crossgrade(Optional<? extends Crossgrade> crossgrade);

        /**
         * Sets {@link TrialConversionOrder#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(String customerReference);

        /**
         * Sets {@link TrialConversionOrder#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(Optional<String> customerReference);

        /**
         * Sets {@link TrialConversionOrder#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(EulaAcceptance eula);

        /**
         * Builds the value.
         *
         * @return the TrialConversionOrder
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        TrialConversionOrder build();
    }
}
