/**
 * Order confirmations: the {@link dev.esetshop.sdk.confirm.OrderConfirmed} event delivered to every
 * {@link dev.esetshop.sdk.confirm.ConfirmationListener}, and the ready e-mail in English, German and French.
 */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.sdk.confirm;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
