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
public non-sealed interface TrialOrder extends EsetOrder {
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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(TrialOrder instance);

        /**
         * Sets {@link TrialOrder#productCode()}.
         *
         * @param productCode the value
         * @return this builder
         */
        Builder productCode(ProductCode productCode);

        /**
         * Sets {@link TrialOrder#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link TrialOrder#months()}.
         *
         * @param months the value
         * @return this builder
         */
        Builder months(int months);

        /**
         * Sets {@link TrialOrder#customer()}.
         *
         * @param customer the value
         * @return this builder
         */
        Builder customer(EndCustomer customer);

        /**
         * Sets {@link TrialOrder#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(EulaAcceptance eula);

        /**
         * Sets {@link TrialOrder#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(Optional<? extends EulaAcceptance> eula);

        /**
         * Builds the value.
         *
         * @return the TrialOrder
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        TrialOrder build();
    }
}
