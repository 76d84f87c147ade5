package dev.esetshop.sdk;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.Violation;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How an order ended: {@link Ordered} (ESET issued the license), {@link Refused} (nothing was ordered: the shop
 * refused the request, or ESET refused it for good, as {@link Refused#refusedBy()} says) or {@link Pending} (the outcome is not known yet: the order
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

    /** Who refused an order. */
    enum RefusedBy {
        /**
         * The shop, before anything was sent to ESET: the request broke one of its rules (nothing was journaled), or
         * its idempotency key was already used for another order ({@code IDEMPOTENCY_CONFLICT}).
         */
        SHOP,
        /** ESET, for good: a rule of ESET's, an unknown license, no access (the journal records the refusal). */
        ESET
    }

    /**
     * Nothing was ordered: {@link #refusedBy()} says who refused, {@link #violations()} why in the caller's terms.
     * Two refusals are equal when all four parts are.
     */
    final class Refused implements OrderResult {

        private final RefusedBy refusedBy;
        private final List<Violation> violations;
        private final @Nullable String errorCode;
        private final @Nullable String detail;

        private Refused(
                RefusedBy refusedBy, List<Violation> violations, @Nullable String errorCode, @Nullable String detail) {
            this.refusedBy = Objects.requireNonNull(refusedBy, "refusedBy");
            this.violations = List.copyOf(violations);
            if (this.violations.isEmpty()) {
                throw new IllegalArgumentException("a refused order has at least one violation");
            }
            this.errorCode = errorCode;
            this.detail = detail;
        }

        /**
         * A refusal by the shop's own rules: nothing was journaled or sent.
         *
         * @param violations every rule the request broke, at least one
         * @return the refusal, with no error code and no detail
         * @throws IllegalArgumentException when there is no violation
         */
        public static Refused byShop(List<Violation> violations) {
            return new Refused(RefusedBy.SHOP, violations, null, null);
        }

        /**
         * A refusal by the shop with a stable error code, e.g. {@code IDEMPOTENCY_CONFLICT} for a key already used
         * for another order: nothing was sent.
         *
         * @param violations why, at least one
         * @param errorCode the stable code of the refusal
         * @param detail the shop's explanation
         * @return the refusal
         * @throws IllegalArgumentException when there is no violation
         */
        public static Refused byShop(List<Violation> violations, String errorCode, String detail) {
            return new Refused(
                    RefusedBy.SHOP,
                    violations,
                    Objects.requireNonNull(errorCode, "errorCode"),
                    Objects.requireNonNull(detail, "detail"));
        }

        /**
         * A refusal by ESET, for good.
         *
         * @param violations ESET's refusal in the caller's terms, at least one
         * @param errorCode the stable code of ESET's refusal ({@code ESET_RULE_REFUSED}, ...)
         * @param detail ESET's refusal as its error message says it (with the request id)
         * @return the refusal
         * @throws IllegalArgumentException when there is no violation
         */
        public static Refused byEset(List<Violation> violations, String errorCode, String detail) {
            return new Refused(
                    RefusedBy.ESET,
                    violations,
                    Objects.requireNonNull(errorCode, "errorCode"),
                    Objects.requireNonNull(detail, "detail"));
        }

        /**
         * Who refused the order.
         *
         * @return {@link RefusedBy#SHOP} or {@link RefusedBy#ESET}
         */
        public RefusedBy refusedBy() {
            return refusedBy;
        }

        /**
         * Why, in the caller's terms (show them with {@link Violation#message(java.util.Locale)}).
         *
         * @return at least one violation
         */
        public List<Violation> violations() {
            return violations;
        }

        /**
         * The stable code of the refusal: ESET's ({@code ESET_RULE_REFUSED}, ...) or the shop's
         * ({@code IDEMPOTENCY_CONFLICT}).
         *
         * @return the code, empty when the shop's rules refused the request
         */
        public Optional<String> errorCode() {
            return Optional.ofNullable(errorCode);
        }

        /**
         * The refusal as its refuser says it: ESET's error message (with the request id), or the shop's explanation of
         * a coded refusal.
         *
         * @return the text, empty when the shop's rules refused the request
         */
        public Optional<String> detail() {
            return Optional.ofNullable(detail);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Refused that
                    && refusedBy == that.refusedBy
                    && violations.equals(that.violations)
                    && Objects.equals(errorCode, that.errorCode)
                    && Objects.equals(detail, that.detail);
        }

        @Override
        public int hashCode() {
            return Objects.hash(refusedBy, violations, errorCode, detail);
        }

        @Override
        public String toString() {
            return "Refused[refusedBy=" + refusedBy + ", violations=" + violations + ", errorCode=" + errorCode()
                    + ", detail=" + detail() + "]";
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
