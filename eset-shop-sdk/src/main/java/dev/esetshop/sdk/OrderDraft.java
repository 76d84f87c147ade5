package dev.esetshop.sdk;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteRequest;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An order as a form holds it before it is priced: the {@link QuoteRequest} with what the operation needs besides
 * it: for NEW and TRIAL the EULA acceptance and the end customer, for RENEWAL and PRODUCT_CHANGE the license from the
 * license book (the quote only knows its product, seats and expiry, ESET needs its id), for TRIAL_CONVERSION the trial
 * license and the EULA acceptance (the end customer is the trial's, which ESET keeps).
 * {@link EsetShop#violations(OrderDraft)} gives every violation of it at once, the quote's rules, the end customer's,
 * the EULA's, the license's and the reference's; what is missing is reported as a violation, never thrown. A draft
 * without violations becomes the {@link OrderRequest} of its accepted quote with {@link #withQuote(Quote)}.
 */
@Value.Immutable
public sealed interface OrderDraft permits ImmutableOrderDraft {

    /** The operation to price and order. */
    QuoteRequest request();

    /** The EULA acceptance (NEW, TRIAL and TRIAL_CONVERSION). */
    Optional<EulaAcceptance> eula();

    /**
     * The end customer (NEW and TRIAL; a renewal, product change or trial conversion keeps the license's customer,
     * so a customer given with those must be the license's).
     */
    Optional<EndCustomer> customer();

    /** The license renewed, changed or converted (RENEWAL, PRODUCT_CHANGE and TRIAL_CONVERSION). */
    Optional<License> license();

    /** The customer's order reference, at most 64 characters. */
    Optional<String> reference();

    /**
     * The caller's own idempotency key for this purchase (its cart or order id, at most 64 characters): a retry of
     * the same purchase under the same key, even after the caller crashed, is the same order (the journal answers
     * its outcome, or sends it again with the same key), never a second one; another order under a used key is
     * refused. Without it the shop makes a fresh key for every call.
     */
    Optional<IdempotencyKey> idempotencyKey();

    /**
     * The order of this draft's accepted quote.
     *
     * @param quote the accepted quote of {@link #request()}
     * @return the order request
     * @throws IllegalArgumentException when the quote is not of this draft's request
     */
    default OrderRequest withQuote(Quote quote) {
        return new OrderRequest(this, quote);
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableOrderDraft.builder();
    }

    /** Collects the values of a {@link OrderDraft}; {@link #build()} checks them. */
    interface Builder {

        /** Takes every value of a draft, so a copy can change some of them. */
        Builder from(OrderDraft instance);

        /** Required. */
        Builder request(QuoteRequest request);

        /** Required for NEW, TRIAL and TRIAL_CONVERSION, else {@code EULA_REQUIRED}. */
        Builder eula(EulaAcceptance eula);

        /**
         * Required for NEW and TRIAL; for a TRIAL_CONVERSION, if given, the trial's customer; names and address
         * without control characters, a plausible e-mail address.
         */
        Builder customer(EndCustomer customer);

        /** Required for RENEWAL, PRODUCT_CHANGE and TRIAL_CONVERSION, as the quote saw it, else {@code QUOTE_OUTDATED}. */
        Builder license(License license);

        /** At most 64 characters, else {@code REFERENCE_TOO_LONG}. */
        Builder reference(String reference);

        /** Default: a fresh key for every order. */
        Builder idempotencyKey(IdempotencyKey idempotencyKey);

        /**
         * Builds the draft.
         *
         * @throws IllegalStateException when the request is missing
         */
        OrderDraft build();
    }
}
