package dev.esetshop.sdk;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.Violation;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an order ended: {@link Ordered} (ESET issued the license), {@link Refused} (nothing was ordered: the request
 * broke a rule of the shop, or ESET refused it for good) or {@link Pending} (the outcome is not known yet: the order
 * stays in the journal and {@link EsetShop#reconcile()} settles it, never twice).
 */
public sealed interface OrderResult permits OrderResult.Ordered, OrderResult.Refused, OrderResult.Pending {

    /**
     * ESET confirmed the order.
     *
     * @param license the license as ESET now has it (also stored in the license book)
     * @param orderNumber ESET's order number
     * @param event the confirmation sent to the listeners
     */
    record Ordered(License license, String orderNumber, OrderConfirmed event) implements OrderResult {
        /** A confirmed order. */
        public Ordered {
            Objects.requireNonNull(license, "license");
            Objects.requireNonNull(orderNumber, "orderNumber");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Nothing was ordered.
     *
     * @param violations why, in the caller's terms (show them with {@link Violation#message(java.util.Locale)})
     * @param errorCode the stable code of ESET's refusal ({@code ESET_RULE_REFUSED}, ...), empty when the shop
     *     refused the request before sending it
     * @param detail ESET's refusal as its error message says it (with the request id), when ESET refused
     */
    record Refused(List<Violation> violations, Optional<String> errorCode, Optional<String> detail)
            implements OrderResult {
        /** A refusal; it has at least one violation. */
        public Refused {
            violations = List.copyOf(violations);
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(detail, "detail");
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refused order has at least one violation");
            }
        }

        /** A refusal by the shop's own rules: nothing was journaled or sent. */
        public static Refused of(List<Violation> violations) {
            return new Refused(violations, Optional.empty(), Optional.empty());
        }
    }

    /**
     * The outcome is not known (ESET unavailable, a transport failure, the circuit open): the order is journaled
     * under its key and {@link EsetShop#reconcile()} resends it with the same key, so it is ordered at most once.
     *
     * @param idempotencyKey the order's key in the journal
     * @param reason why the outcome is unknown
     */
    record Pending(IdempotencyKey idempotencyKey, String reason) implements OrderResult {
        /** A pending order. */
        public Pending {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
