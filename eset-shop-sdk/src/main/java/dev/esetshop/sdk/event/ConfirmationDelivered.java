package dev.esetshop.sdk.event;

import dev.esetshop.core.IdempotencyKey;
import java.util.Objects;

/**
 * Every confirmation listener took an order's confirmation ({@link ShopListener#onConfirmationDelivered}).
 *
 * @param key the order's idempotency key
 * @param orderNumber ESET's order number
 * @param redelivery true when a reconcile delivered it again (the first delivery had failed or not happened)
 */
public record ConfirmationDelivered(IdempotencyKey key, String orderNumber, boolean redelivery) {

    /** Checked values. */
    public ConfirmationDelivered {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(orderNumber, "orderNumber");
    }
}
