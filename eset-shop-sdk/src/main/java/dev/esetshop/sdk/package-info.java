/** {@code EsetShop}: partner status, sync, license book, quotes, exactly-once orders, reports and confirmations. */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.sdk;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
