package dev.esetshop.sdk.event;

import dev.esetshop.core.IdempotencyKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An order came to an outcome ({@link ShopListener#onOrderEnded}): a pending order counts once as {@code PENDING} and
 * once more with the outcome the reconcile that settles it learns.
 *
 * @param path how: the host's order, a retry under a known key, a renewal batch, a reconcile
 * @param outcome ordered, refused or pending
 * @param key the order's idempotency key (the caller's own or the one the shop chose), empty for a new purchase
 *     refused by the shop's checks before a key was chosen
 * @param took how long it took by the shop's clock
 */
public record OrderEnded(OrderPath path, OrderOutcome outcome, Optional<IdempotencyKey> key, Duration took) {

    /** Checked values. */
    public OrderEnded {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(took, "took");
    }
}
