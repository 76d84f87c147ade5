/** The distributor's catalog: price list, products, discount programmes and policy, loaded and validated. */
package dev.esetshop.pricing.catalog;
