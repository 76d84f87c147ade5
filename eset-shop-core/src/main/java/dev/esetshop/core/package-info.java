/**
 * The domain values every module shares: licenses, end customers, partner status, product codes, SKUs, seats,
 * money as an exact decimal with its currency, idempotency keys, secrets that never print, and the violations (with
 * their messages in English, German and French) that explain why a request was refused.
 */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.core;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
