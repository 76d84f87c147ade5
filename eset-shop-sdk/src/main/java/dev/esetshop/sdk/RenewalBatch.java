package dev.esetshop.sdk;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Money;
import dev.esetshop.core.Violation;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A batch of renewals, one {@link Renewal} per license: quoted by {@link EsetShop#quoteRenewals(List, int)}, or
 * quoted and ordered by {@link EsetShop#renew(List, int, IdempotencyKey)}. Each license's order has its own key,
 * {@link #orderKey(IdempotencyKey, LicenseId)}, derived from the batch's key and the license id: the same batch
 * run again (after a crash half-way, a double click, a timeout) orders nothing twice.
 */
@Value.Immutable
public sealed interface RenewalBatch permits ImmutableRenewalBatch {

    /** The years each license is renewed by. */
    int years();

    /** The batch's key when it was ordered; empty when it was only quoted. */
    Optional<IdempotencyKey> batchKey();

    /** One outcome per license, in the order the licenses were given (a license given twice counts once). */
    List<Renewal> renewals();

    /**
     * What the batch costs the reseller: the sum of {@link Quote#yourPrice()} of every license quoted and not
     * refused (quoted only, ordered or pending: a pending order may still be charged), zero in the catalog's
     * currency when there is none.
     */
    Money total();

    /**
     * How many licenses ESET renewed.
     *
     * @return the number of {@link OrderResult.Ordered} outcomes
     */
    default int ordered() {
        return (int) renewals().stream()
                .filter(renewal -> renewal.order()
                        .filter(OrderResult.Ordered.class::isInstance)
                        .isPresent())
                .count();
    }

    /**
     * How many licenses were not renewed for good: those that could not be quoted and those whose order was refused.
     *
     * @return the number of refused licenses
     */
    default int refused() {
        return (int) renewals().stream().filter(Renewal::refused).count();
    }

    /**
     * How many orders have an outcome that is not known yet ({@link EsetShop#reconcile()} settles them, or the same
     * batch run again).
     *
     * @return the number of {@link OrderResult.Pending} outcomes
     */
    default int pending() {
        return (int) renewals().stream()
                .filter(renewal -> renewal.order()
                        .filter(OrderResult.Pending.class::isInstance)
                        .isPresent())
                .count();
    }

    /**
     * The idempotency key of one license's order in a batch: a name-based UUID of the batch's key and the license
     * id, so every run of the batch orders the license under the same key, and two batches never share one.
     *
     * @param batchKey the batch's key
     * @param license the license renewed
     * @return the key its renewal is ordered under
     */
    static IdempotencyKey orderKey(IdempotencyKey batchKey, LicenseId license) {
        // a key has no '/', so the name splits back into one pair only: two pairs never name the same UUID
        String name = "renewal-batch/" + batchKey.value() + "/" + license.value();
        return IdempotencyKey.of(
                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** One license of the batch. */
    final class Renewal {
        private final License license;
        private final QuoteResult quote;
        private final @Nullable OrderResult order;

        Renewal(License license, QuoteResult quote, @Nullable OrderResult order) {
            this.license = Objects.requireNonNull(license, "license");
            this.quote = Objects.requireNonNull(quote, "quote");
            this.order = order;
        }

        /**
         * The license as it was given to the batch.
         *
         * @return the license
         */
        public License license() {
            return license;
        }

        /**
         * Its renewal quote.
         *
         * @return the quote ({@link QuoteResult.Accepted}), or every reason it cannot be renewed
         *     ({@link QuoteResult.Rejected}: nothing was ordered)
         */
        public QuoteResult quote() {
            return quote;
        }

        /**
         * How its order ended.
         *
         * @return the outcome, empty when it was only quoted, or could not be quoted
         */
        public Optional<OrderResult> order() {
            return Optional.ofNullable(order);
        }

        /**
         * The accepted quote.
         *
         * @return the quote, or empty when the license could not be quoted
         */
        public Optional<Quote> accepted() {
            return quote instanceof QuoteResult.Accepted accepted ? Optional.of(accepted.quote()) : Optional.empty();
        }

        /**
         * Why the license was not renewed: the quote's violations, or the order's refusal.
         *
         * @return the violations, empty when it was quoted and not refused
         */
        public List<Violation> violations() {
            if (quote instanceof QuoteResult.Rejected rejected) {
                return rejected.violations();
            }
            return order instanceof OrderResult.Refused refused ? refused.violations() : List.of();
        }

        /**
         * Whether the license was not renewed for good: it could not be quoted, or its order was refused.
         *
         * @return true when refused
         */
        public boolean refused() {
            return !quote.isAccepted() || order instanceof OrderResult.Refused;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Renewal that
                    && license.equals(that.license)
                    && quote.equals(that.quote)
                    && Objects.equals(order, that.order);
        }

        @Override
        public int hashCode() {
            return Objects.hash(license, quote, order);
        }

        @Override
        public String toString() {
            return "Renewal[license=" + license + ", quote=" + quote + ", order=" + order() + "]";
        }
    }
}
