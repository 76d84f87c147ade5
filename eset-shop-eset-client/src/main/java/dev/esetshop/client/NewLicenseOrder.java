package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/Order}: a new license for an end customer. */
@Value.Immutable
public sealed interface NewLicenseOrder extends EsetOrder permits ImmutableNewLicenseOrder {
    Sku sku();

    ProductCode productCode();

    int seats();

    int years();

    Optional<String> discount();

    Optional<String> eligibilityCode();

    Optional<Crossgrade> crossgrade();

    EndCustomer customer();

    Optional<String> customerReference();

    /** The end customer's EULA acceptance, which ESET keeps with the order. */
    Optional<EulaAcceptance> eula();

    /** A builder. */
    static Builder builder() {
        return ImmutableNewLicenseOrder.builder();
    }

    @Override
    default Operation operation() {
        return Operation.NEW;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.order(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }

    /** Collects the values of a {@link NewLicenseOrder}; {@link #build()} checks them. */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(NewLicenseOrder instance);

        /** Required. */
        Builder sku(Sku sku);

        /** Required. */
        Builder productCode(ProductCode productCode);

        /** Required. */
        Builder seats(int seats);

        /** Required. */
        Builder years(int years);

        Builder discount(String discount);

        Builder eligibilityCode(String eligibilityCode);

        Builder crossgrade(Crossgrade crossgrade);

        /** Required. */
        Builder customer(EndCustomer customer);

        Builder customerReference(String customerReference);

        Builder eula(EulaAcceptance eula);

        /** Builds the value; throws {@link IllegalStateException} when a required value is missing. */
        NewLicenseOrder build();
    }
}
