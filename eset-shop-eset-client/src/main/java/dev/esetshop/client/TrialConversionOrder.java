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
public sealed interface TrialConversionOrder extends EsetOrder permits ImmutableTrialConversionOrder {
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

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(TrialConversionOrder instance);

        /** Required. */
        Builder publicLicenseId(LicenseId publicLicenseId);

        /** Required. */
        Builder sku(Sku sku);

        /** Required. */
        Builder seats(int seats);

        /** Required. */
        Builder years(int years);

        Builder discount(String discount);

        Builder eligibilityCode(String eligibilityCode);

        Builder crossgrade(Crossgrade crossgrade);

        Builder customerReference(String customerReference);

        /** Required. */
        Builder eula(EulaAcceptance eula);

        /** Builds the value; throws {@link IllegalStateException} when a required value is missing. */
        TrialConversionOrder build();
    }
}
