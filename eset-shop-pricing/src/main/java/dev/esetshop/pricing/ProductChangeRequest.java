package dev.esetshop.pricing;

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
    static ImmutableProductChangeRequest.Builder builder() {
        return ImmutableProductChangeRequest.builder();
    }
}
