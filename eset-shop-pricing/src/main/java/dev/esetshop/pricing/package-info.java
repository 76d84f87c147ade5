/**
 * Quotes for every operation of the shop: requests per operation, {@link dev.esetshop.pricing.Pricing} and its
 * sealed {@link dev.esetshop.pricing.QuoteResult}.
 */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.pricing;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
