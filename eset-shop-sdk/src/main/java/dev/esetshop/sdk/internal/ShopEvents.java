package dev.esetshop.sdk.internal;

import dev.esetshop.client.WorkScope;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.sdk.event.ConfirmationDelivered;
import dev.esetshop.sdk.event.OrderEnded;
import dev.esetshop.sdk.event.ReconcileEnded;
import dev.esetshop.sdk.event.RemindersDelivered;
import dev.esetshop.sdk.event.ShopListener;
import dev.esetshop.sdk.event.ShopWork;
import dev.esetshop.sdk.event.SyncEnded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link ShopListener} behind a guard, with the shop's clock for durations: whatever the listener throws is
 * logged (its class only: a host's message may quote anything) and the work goes on, so a listener never breaks an
 * order, a sync or a reconcile.
 */
public final class ShopEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ShopEvents.class);

    private final ShopListener listener;
    private final Clock clock;

    /** Events to the listener, timed on the clock. */
    public ShopEvents(ShopListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /** A piece of work started: its scope (never throwing) and its start time. */
    public Started start(ShopWork work) {
        WorkScope scope;
        try {
            WorkScope given = listener.onStarted(work);
            scope = given == null ? WorkScope.NONE : given;
        } catch (RuntimeException failure) {
            ignored("onStarted", failure);
            scope = WorkScope.NONE;
        }
        return new Started(scope, clock.instant());
    }

    /** Work under way: ends its scope once and measures it. */
    public final class Started {
        private final WorkScope scope;
        private final Instant at;

        private Started(WorkScope scope, Instant at) {
            this.scope = scope;
            this.at = at;
        }

        /** How long the work has taken so far by the shop's clock. */
        public Duration took() {
            Duration took = Duration.between(at, clock.instant());
            return took.isNegative() ? Duration.ZERO : took;
        }

        /** Ends the scope with the outcome. */
        public void end(String outcome) {
            try {
                scope.end(outcome);
            } catch (RuntimeException failure) {
                ignored("the end of a work's scope", failure);
            }
        }
    }

    /** The outcome of work that stopped with an exception: its stable code, or its class for anything else. */
    public static String outcomeOf(RuntimeException failure) {
        return failure instanceof EsetShopException shop ? shop.code() : "UNEXPECTED_ERROR";
    }

    /** Tells the listener an order ended. */
    public void orderEnded(OrderEnded ended) {
        tell("onOrderEnded", listener::onOrderEnded, ended);
    }

    /** Tells the listener a reconcile ended. */
    public void reconcileEnded(ReconcileEnded ended) {
        tell("onReconcileEnded", listener::onReconcileEnded, ended);
    }

    /** Tells the listener a sync ended. */
    public void syncEnded(SyncEnded ended) {
        tell("onSyncEnded", listener::onSyncEnded, ended);
    }

    /** Tells the listener a confirmation was delivered. */
    public void confirmationDelivered(ConfirmationDelivered delivered) {
        tell("onConfirmationDelivered", listener::onConfirmationDelivered, delivered);
    }

    /** Tells the listener a round of reminders was delivered. */
    public void remindersDelivered(RemindersDelivered delivered) {
        tell("onRemindersDelivered", listener::onRemindersDelivered, delivered);
    }

    private <E> void tell(String method, Consumer<E> handler, E event) {
        try {
            handler.accept(event);
        } catch (RuntimeException failure) {
            ignored(method, failure);
        }
    }

    private void ignored(String method, RuntimeException failure) {
        LOG.warn(
                "the shop listener {} failed in {} ({}); the work goes on",
                listener.getClass().getName(),
                method,
                failure.getClass().getName());
    }
}
