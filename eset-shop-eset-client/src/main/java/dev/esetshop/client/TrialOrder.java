package dev.esetshop.client;

import dev.esetshop.client.internal.OrderJson;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.ProductCode;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code License/Trial}: a free trial license for an end customer. */
@Value.Immutable
public non-sealed interface TrialOrder extends EsetOrder {
    ProductCode productCode();

    int seats();

    int months();

    EndCustomer customer();

    /** The end customer's EULA acceptance, which ESET keeps with the order. */
    Optional<EulaAcceptance> eula();

    /** A builder. */
    static ImmutableTrialOrder.Builder builder() {
        return ImmutableTrialOrder.builder();
    }

    @Override
    default Kind kind() {
        return Kind.TRIAL;
    }

    @Override
    default OrderReceipt sendTo(EsetPartnerApi api, IdempotencyKey key) {
        return api.trial(this, key);
    }

    @Override
    default String toJson() {
        return OrderJson.write(this);
    }
}
