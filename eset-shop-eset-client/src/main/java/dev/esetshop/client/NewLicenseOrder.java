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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(NewLicenseOrder instance);

        /**
         * Sets {@link NewLicenseOrder#sku()}.
         *
         * @param sku the value
         * @return this builder
         */
        Builder sku(Sku sku);

        /**
         * Sets {@link NewLicenseOrder#productCode()}.
         *
         * @param productCode the value
         * @return this builder
         */
        Builder productCode(ProductCode productCode);

        /**
         * Sets {@link NewLicenseOrder#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link NewLicenseOrder#years()}.
         *
         * @param years the value
         * @return this builder
         */
        Builder years(int years);

        /**
         * Sets {@link NewLicenseOrder#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(String discount);

        /**
         * Sets {@link NewLicenseOrder#discount()}.
         *
         * @param discount the value
         * @return this builder
         */
        Builder discount(Optional<String> discount);

        /**
         * Sets {@link NewLicenseOrder#eligibilityCode()}.
         *
         * @param eligibilityCode the value
         * @return this builder
         */
        Builder eligibilityCode(String eligibilityCode);

        /**
         * Sets {@link NewLicenseOrder#eligibilityCode()}.
         *
         * @param eligibilityCode the value
         * @return this builder
         */
        Builder eligibilityCode(Optional<String> eligibilityCode);

        /**
         * Sets {@link NewLicenseOrder#crossgrade()}.
         *
         * @param crossgrade the value
         * @return this builder
         */
        Builder crossgrade(Crossgrade crossgrade);

        /**
         * Sets {@link NewLicenseOrder#crossgrade()}.
         *
         * @param crossgrade the value
         * @return this builder
         */
        Builder crossgrade(Optional<? extends Crossgrade> crossgrade);

        /**
         * Sets {@link NewLicenseOrder#customer()}.
         *
         * @param customer the value
         * @return this builder
         */
        Builder customer(EndCustomer customer);

        /**
         * Sets {@link NewLicenseOrder#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(String customerReference);

        /**
         * Sets {@link NewLicenseOrder#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(Optional<String> customerReference);

        /**
         * Sets {@link NewLicenseOrder#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(EulaAcceptance eula);

        /**
         * Sets {@link NewLicenseOrder#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(Optional<? extends EulaAcceptance> eula);

        /**
         * Builds the value.
         *
         * @return the NewLicenseOrder
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        NewLicenseOrder build();
    }
}
