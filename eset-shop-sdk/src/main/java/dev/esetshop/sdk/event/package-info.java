/**
 * What a shop tells a listener as it works, for metrics and traces: every order's outcome from any path (the host's
 * own order, a retry under a known key, a renewal batch, a reconcile that settles a pending order), the end of each
 * reconcile and sync, each confirmation and round of reminders delivered, and the start and end of orders, syncs and
 * reconciles as {@link dev.esetshop.client.WorkScope}s for a tracer. Register a {@link dev.esetshop.sdk.event.ShopListener}
 * with {@code EsetShop.Builder.eventListener} or {@code EsetShops.Builder.eventListeners}.
 */
@NullMarked
package dev.esetshop.sdk.event;

import org.jspecify.annotations.NullMarked;
