package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/ChangeProduct}: an active license moved to another product. */
@Value.Immutable
public non-sealed interface ProductChangeOrder extends EsetOrder {
    LicenseId publicLicenseId();

    ProductCode productCode();

    Sku sku();

    int seats();

    int years();

    Optional<String> customerReference();

    /** A builder. */
    static Builder builder() {
        return ImmutableProductChangeOrder.builder();
    }

    @Override
    default Operation operation() {
        return Operation.PRODUCT_CHANGE;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.changeProduct(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }

    /** Collects the values of a {@link ProductChangeOrder}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(ProductChangeOrder instance);

        /**
         * Sets {@link ProductChangeOrder#publicLicenseId()}.
         *
         * @param publicLicenseId the value
         * @return this builder
         */
        Builder publicLicenseId(LicenseId publicLicenseId);

        /**
         * Sets {@link ProductChangeOrder#productCode()}.
         *
         * @param productCode the value
         * @return this builder
         */
        Builder productCode(ProductCode productCode);

        /**
         * Sets {@link ProductChangeOrder#sku()}.
         *
         * @param sku the value
         * @return this builder
         */
        Builder sku(Sku sku);

        /**
         * Sets {@link ProductChangeOrder#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link ProductChangeOrder#years()}.
         *
         * @param years the value
         * @return this builder
         */
        Builder years(int years);

        /**
         * Sets {@link ProductChangeOrder#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(String customerReference);

        /**
         * Sets {@link ProductChangeOrder#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(Optional<String> customerReference);

        /**
         * Builds the value.
         *
         * @return the ProductChangeOrder
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        ProductChangeOrder build();
    }
}
