package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.Sku;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/Renew}: renewal by years and/or extension by seats, with the SKUs of the quote's lines. */
@Value.Immutable
public sealed interface RenewalOrder extends EsetOrder permits ImmutableRenewalOrder {
    LicenseId publicLicenseId();

    int seats();

    int years();

    List<Sku> skus();

    Optional<String> customerReference();

    /** A builder. */
    static Builder builder() {
        return ImmutableRenewalOrder.builder();
    }

    @Override
    default Operation operation() {
        return Operation.RENEWAL;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.renew(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }

    /** Collects the values of a {@link RenewalOrder}; {@link #build()} checks them. */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(RenewalOrder instance);

        /** Required. */
        Builder publicLicenseId(LicenseId publicLicenseId);

        /** Required. */
        Builder seats(int seats);

        /** Required. */
        Builder years(int years);

        Builder addSkus(Sku element);

        Builder addSkus(Sku... elements);

        Builder skus(Iterable<? extends Sku> elements);

        Builder addAllSkus(Iterable<? extends Sku> elements);

        Builder customerReference(String customerReference);

        /** Builds the value; throws {@link IllegalStateException} when a required value is missing. */
        RenewalOrder build();
    }
}
