/** The distributor's catalog: price list, products, discount programmes and policy, loaded and validated. */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.pricing.catalog;

import org.immutables.value.Value;
