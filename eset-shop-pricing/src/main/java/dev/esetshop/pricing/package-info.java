/**
 * Quotes for every operation of the shop: requests per operation, {@link dev.esetshop.pricing.Pricing} and its
 * sealed {@link dev.esetshop.pricing.QuoteResult}.
 */
package dev.esetshop.pricing;
