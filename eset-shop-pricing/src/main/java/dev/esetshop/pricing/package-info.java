/**
 * Quotes for every operation of the shop: requests per operation, {@link dev.esetshop.pricing.Pricing} and its
 * sealed {@link dev.esetshop.pricing.QuoteResult}.
 */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.pricing;

import org.immutables.value.Value;
