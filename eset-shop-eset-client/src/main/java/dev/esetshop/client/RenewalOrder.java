package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Sku;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/Renew}: renewal by years and/or extension by seats, with the SKUs of the quote's lines. */
@Value.Immutable
public non-sealed interface RenewalOrder extends EsetOrder {
    LicenseId publicLicenseId();

    int seats();

    int years();

    List<Sku> skus();

    Optional<String> customerReference();

    /** A builder. */
    static ImmutableRenewalOrder.Builder builder() {
        return ImmutableRenewalOrder.builder();
    }

    @Override
    default Kind kind() {
        return Kind.RENEWAL;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.renew(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }
}
