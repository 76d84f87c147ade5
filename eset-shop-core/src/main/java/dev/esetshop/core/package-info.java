/**
 * The domain values every module shares: licenses, end customers, partner status, product codes, SKUs, seats,
 * money as an exact decimal with its currency, idempotency keys, secrets that never print, and the violations (with
 * their messages in English, German and French) that explain why a request was refused.
 */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.core;

import org.immutables.value.Value;
