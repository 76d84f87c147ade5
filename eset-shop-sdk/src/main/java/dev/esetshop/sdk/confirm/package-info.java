/**
 * Order confirmations: the {@link dev.esetshop.sdk.confirm.OrderConfirmed} event delivered to every
 * {@link dev.esetshop.sdk.confirm.ConfirmationListener}, and the ready e-mail in English, German and French.
 */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.sdk.confirm;

import org.immutables.value.Value;
