package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/Order}: a new license for an end customer. */
@Value.Immutable
public non-sealed interface NewLicenseOrder extends EsetOrder {
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
    static ImmutableNewLicenseOrder.Builder builder() {
        return ImmutableNewLicenseOrder.builder();
    }

    @Override
    default Kind kind() {
        return Kind.NEW_LICENSE;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.order(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }
}
