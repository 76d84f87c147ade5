package dev.esetshop.sdk.event;

import dev.esetshop.core.IdempotencyKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An order came to an outcome ({@link ShopListener#onOrderEnded}): a pending order counts once as {@code PENDING} and
 * once more with the outcome the reconcile that settles it learns.
 */
public final class OrderEnded {

    private final OrderPath path;
    private final OrderOutcome outcome;
    private final @Nullable IdempotencyKey key;
    private final Duration took;

    /**
     * An order under its idempotency key.
     *
     * @param path how: the host's order, a retry under a known key, a renewal batch, a reconcile
     * @param outcome ordered, refused or pending
     * @param key the order's idempotency key (the caller's own or the one the shop chose)
     * @param took how long it took by the shop's clock
     */
    public OrderEnded(OrderPath path, OrderOutcome outcome, IdempotencyKey key, Duration took) {
        this.path = Objects.requireNonNull(path, "path");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.key = Objects.requireNonNull(key, "key");
        this.took = Objects.requireNonNull(took, "took");
    }

    /**
     * A new purchase refused by the shop's checks before a key was chosen.
     *
     * @param path how: the host's order, a retry under a known key, a renewal batch, a reconcile
     * @param outcome ordered, refused or pending
     * @param took how long it took by the shop's clock
     */
    public OrderEnded(OrderPath path, OrderOutcome outcome, Duration took) {
        this.path = Objects.requireNonNull(path, "path");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.key = null;
        this.took = Objects.requireNonNull(took, "took");
    }

    /**
     * How the order was placed.
     *
     * @return the host's order, a retry under a known key, a renewal batch, a reconcile
     */
    public OrderPath path() {
        return path;
    }

    /**
     * How it ended.
     *
     * @return ordered, refused or pending
     */
    public OrderOutcome outcome() {
        return outcome;
    }

    /**
     * The order's idempotency key (the caller's own or the one the shop chose).
     *
     * @return the key, empty for a new purchase refused by the shop's checks before a key was chosen
     */
    public Optional<IdempotencyKey> key() {
        return Optional.ofNullable(key);
    }

    /**
     * How long it took by the shop's clock.
     *
     * @return the duration
     */
    public Duration took() {
        return took;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof OrderEnded that
                && path == that.path
                && outcome == that.outcome
                && Objects.equals(key, that.key)
                && took.equals(that.took);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, outcome, key, took);
    }

    @Override
    public String toString() {
        return "OrderEnded[path=" + path + ", outcome=" + outcome + ", key=" + key() + ", took=" + took + "]";
    }
}
