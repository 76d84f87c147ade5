/**
 * ESET's partner API for Java: {@link dev.esetshop.client.EsetPartnerApi}, its resilient HTTP client
 * {@link dev.esetshop.client.EsetPartnerClient} (retries with backoff, jitter and {@code Retry-After}, circuit breaker,
 * rate limiter, bounded answers, timeouts) and the typed order calls ({@link dev.esetshop.client.EsetOrder}).
 */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.client;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
