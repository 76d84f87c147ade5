/**
 * The sealed hierarchy of errors under {@link dev.esetshop.core.error.EsetShopException}: each with a stable
 * {@code code()}, {@code retryable()}, and a message that says what to do; ESET's errors also carry the HTTP status
 * and ESET's request id.
 */
@NullMarked
package dev.esetshop.core.error;

import org.jspecify.annotations.NullMarked;
