/**
 * The sealed hierarchy of errors under {@link dev.esetshop.core.error.EsetShopException}: each with a stable
 * {@code code()}, {@code retryable()}, and a message that says what to do; ESET's errors also carry the HTTP status
 * and ESET's request id.
 */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.core.error;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
