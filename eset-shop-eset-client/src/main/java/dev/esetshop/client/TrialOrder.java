package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/Trial}: a free trial license for an end customer. */
@Value.Immutable
public sealed interface TrialOrder extends EsetOrder permits ImmutableTrialOrder {
    ProductCode productCode();

    int seats();

    int months();

    EndCustomer customer();

    /** The end customer's EULA acceptance, which ESET keeps with the order. */
    Optional<EulaAcceptance> eula();

    /** A builder. */
    static Builder builder() {
        return ImmutableTrialOrder.builder();
    }

    @Override
    default Operation operation() {
        return Operation.TRIAL;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.trial(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }

    /** Collects the values of a {@link TrialOrder}; {@link #build()} checks them. */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(TrialOrder instance);

        /** Required. */
        Builder productCode(ProductCode productCode);

        /** Required. */
        Builder seats(int seats);

        /** Required. */
        Builder months(int months);

        /** Required. */
        Builder customer(EndCustomer customer);

        Builder eula(EulaAcceptance eula);

        /** Builds the value; throws {@link IllegalStateException} when a required value is missing. */
        TrialOrder build();
    }
}
