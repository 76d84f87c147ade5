package dev.esetshop.pricing;

import dev.esetshop.core.Operation;
import java.util.Optional;
import org.immutables.value.Value;

/** Change of an active license to another product, with at least as many seats, for whole years. */
@Value.Immutable
public non-sealed interface ProductChangeRequest extends QuoteRequest {

    /** The license changed. */
    CurrentLicense license();

    /** The target product's code. */
    String targetProduct();

    /** Whole years, at least 1. */
    int years();

    @Override
    default Operation operation() {
        return Operation.PRODUCT_CHANGE;
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableProductChangeRequest.builder();
    }

    /** Collects the values of a {@link ProductChangeRequest}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(ProductChangeRequest instance);

        /**
         * Sets {@link ProductChangeRequest#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(String id);

        /**
         * Sets {@link ProductChangeRequest#id()}.
         *
         * @param id the value
         * @return this builder
         */
        Builder id(Optional<String> id);

        /**
         * Sets {@link ProductChangeRequest#seats()}.
         *
         * @param seats the value
         * @return this builder
         */
        Builder seats(int seats);

        /**
         * Sets {@link ProductChangeRequest#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(CurrentLicense license);

        /**
         * Sets {@link ProductChangeRequest#targetProduct()}.
         *
         * @param targetProduct the value
         * @return this builder
         */
        Builder targetProduct(String targetProduct);

        /**
         * Sets {@link ProductChangeRequest#years()}.
         *
         * @param years the value
         * @return this builder
         */
        Builder years(int years);

        /**
         * Builds the value.
         *
         * @return the ProductChangeRequest
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        ProductChangeRequest build();
    }
}
