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
public sealed interface ProductChangeOrder extends EsetOrder permits ImmutableProductChangeOrder {
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

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(ProductChangeOrder instance);

        /** Required. */
        Builder publicLicenseId(LicenseId publicLicenseId);

        /** Required. */
        Builder productCode(ProductCode productCode);

        /** Required. */
        Builder sku(Sku sku);

        /** Required. */
        Builder seats(int seats);

        /** Required. */
        Builder years(int years);

        Builder customerReference(String customerReference);

        /** Builds the value; throws {@link IllegalStateException} when a required value is missing. */
        ProductChangeOrder build();
    }
}
