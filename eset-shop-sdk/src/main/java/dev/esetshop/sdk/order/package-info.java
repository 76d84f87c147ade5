/**
 * The order journal's port: {@link dev.esetshop.sdk.order.OrderJournal} keeps every order from before its first byte
 * goes to ESET until its confirmation was delivered, so an order is sent once and never forgotten.
 */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.sdk.order;

import org.immutables.value.Value;
