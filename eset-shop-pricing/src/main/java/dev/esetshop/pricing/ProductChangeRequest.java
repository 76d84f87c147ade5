package dev.esetshop.pricing;

import dev.esetshop.core.Operation;
import org.immutables.value.Value;

/** Change of an active license to another product, with at least as many seats, for whole years. */
@Value.Immutable
public sealed interface ProductChangeRequest extends QuoteRequest permits ImmutableProductChangeRequest {

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

    /**
     * Collects the values of a {@link ProductChangeRequest}. Only missing values fail {@link #build()}; the shop's
     * rules are checked when the request is quoted, and a request that breaks them gets violations.
     */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(ProductChangeRequest instance);

        /** Optional: the caller's id, echoed in the result. */
        Builder id(String id);

        /** Required: at least the license's seats, within the target product's seat range. */
        Builder seats(int seats);

        /** Required: an active license, not a trial. */
        Builder license(CurrentLicense license);

        /** Required: a product the license's product may change to. */
        Builder targetProduct(String targetProduct);

        /** Required: at least 1, a period the catalog prices for the change. */
        Builder years(int years);

        /**
         * Builds the value.
         *
         * @return the request
         * @throws IllegalStateException when a required value is missing
         */
        ProductChangeRequest build();
    }
}
