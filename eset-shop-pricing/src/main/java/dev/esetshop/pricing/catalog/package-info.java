/** The distributor's catalog: price list, products, discount programmes and policy, loaded and validated. */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.pricing.catalog;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
