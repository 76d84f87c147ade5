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
public non-sealed interface RenewalOrder extends EsetOrder {
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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(RenewalOrder instance);

        /**
         * Sets {@link RenewalOrder#publicLicenseId()}.
         *
         * @param publicLicenseId the value
         * @return this builder
         */
        Builder publicLicenseId(LicenseId publicLicenseId);

        /**
         * Sets {@link RenewalOrder#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link RenewalOrder#years()}.
         *
         * @param years the value
         * @return this builder
         */
        Builder years(int years);

        /**
         * Adds to {@link RenewalOrder#skus()}.
         *
         * @param element the element
         * @return this builder
         */
        Builder addSkus(Sku element);

        /**
         * Adds to {@link RenewalOrder#skus()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addSkus(Sku... elements);

        /**
         * Sets {@link RenewalOrder#skus()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder skus(Iterable<? extends Sku> elements);

        /**
         * Adds to {@link RenewalOrder#skus()}.
         *
         * @param elements the elements
         * @return this builder
         */
        Builder addAllSkus(Iterable<? extends Sku> elements);

        /**
         * Sets {@link RenewalOrder#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(String customerReference);

        /**
         * Sets {@link RenewalOrder#customerReference()}.
         *
         * @param customerReference the value
         * @return this builder
         */
        Builder customerReference(Optional<String> customerReference);

        /**
         * Builds the value.
         *
         * @return the RenewalOrder
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        RenewalOrder build();
    }
}
