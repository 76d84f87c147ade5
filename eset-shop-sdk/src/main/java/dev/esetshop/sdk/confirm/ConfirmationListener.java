package dev.esetshop.sdk.confirm;

/**
 * Receives every confirmed order, after the journal recorded it; typically turns it into an e-mail with
 * {@code ConfirmationEmail}. Called on the ordering thread; an exception thrown here is logged and does not undo
 * the order, and the event is delivered again (to every listener) by the next {@code EsetShop.reconcile()}.
 * Delivery is at least once: de-duplicate by {@link OrderConfirmed#eventId()}. A confirmation counts as delivered
 * only once at least one listener took it: a shop without listeners leaves every confirmation undelivered (reported by
 * its reconcile) rather than marking it delivered to nobody.
 */
@FunctionalInterface
public interface ConfirmationListener {

    /** Called once per confirmed order (again after a restart that could not tell whether it was delivered). */
    void onOrderConfirmed(OrderConfirmed event);
}
