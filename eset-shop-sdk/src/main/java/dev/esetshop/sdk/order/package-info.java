/**
 * The order journal's port: {@link dev.esetshop.sdk.order.OrderJournal} keeps every order from before its first byte
 * goes to ESET until its confirmation was delivered, so an order is sent once and never forgotten.
 */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.sdk.order;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
