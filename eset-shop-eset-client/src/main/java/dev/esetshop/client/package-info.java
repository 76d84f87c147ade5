/**
 * ESET's partner API for Java: {@link dev.esetshop.client.EsetPartnerApi}, its resilient HTTP client
 * {@link dev.esetshop.client.EsetPartnerClient} (retries with backoff, jitter and {@code Retry-After}, circuit breaker,
 * rate limiter, bounded answers, timeouts) and the typed order calls ({@link dev.esetshop.client.EsetOrder}).
 */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.client;

import org.immutables.value.Value;
