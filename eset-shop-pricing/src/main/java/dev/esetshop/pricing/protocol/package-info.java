/**
 * The quote protocol: quote requests and results as JSON text, for front ends and the
 * {@code ./eset-shop quote} command. The API takes and gives {@code String}s; JSON mapping stays internal.
 */
@NullMarked
package dev.esetshop.pricing.protocol;

import org.jspecify.annotations.NullMarked;
