package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
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
    static ImmutableProductChangeOrder.Builder builder() {
        return ImmutableProductChangeOrder.builder();
    }

    @Override
    default Kind kind() {
        return Kind.PRODUCT_CHANGE;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.changeProduct(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }
}
