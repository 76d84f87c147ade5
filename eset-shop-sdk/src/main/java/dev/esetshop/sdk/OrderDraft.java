package dev.esetshop.sdk;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteRequest;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An order as a form holds it before it is priced: the {@link QuoteRequest} with what the operation needs besides
 * it (as in {@link OrderRequest}). {@link EsetShop#violations(OrderDraft)} gives every violation of it at once, the
 * quote's rules, the end customer's, the EULA's, the license's and the reference's; a draft without violations
 * becomes the {@link OrderRequest} of its accepted quote with {@link #withQuote(Quote)}.
 */
@Value.Immutable
public interface OrderDraft {

    /** The operation to price and order. */
    QuoteRequest request();

    /** The EULA acceptance (NEW, TRIAL and TRIAL_CONVERSION). */
    Optional<EulaAcceptance> eula();

    /** The end customer (NEW and TRIAL; the other operations keep the license's). */
    Optional<EndCustomer> customer();

    /** The license renewed, changed or converted (RENEWAL, PRODUCT_CHANGE and TRIAL_CONVERSION). */
    Optional<License> license();

    /** The customer's order reference, at most 64 characters. */
    Optional<String> reference();

    /**
     * The order of this draft's accepted quote, with its EULA acceptance, end customer, license and reference.
     *
     * @param quote the accepted quote of {@link #request()}
     * @return the order request; add the purchase's key with {@link OrderRequest#withIdempotencyKey}
     */
    default OrderRequest withQuote(Quote quote) {
        return OrderRequest.builder()
                .quote(quote)
                .eula(eula())
                .customer(customer())
                .license(license())
                .reference(reference())
                .build();
    }

    /**
     * The draft of an order request: its quote's request with everything else it carries but the key.
     *
     * @param request the order request
     * @return the draft
     */
    static OrderDraft of(OrderRequest request) {
        return builder()
                .request(request.quote().request())
                .eula(request.eula())
                .customer(request.customer())
                .license(request.license())
                .reference(request.reference())
                .build();
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableOrderDraft.builder();
    }

    /** Collects the values of a {@link OrderDraft}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(OrderDraft instance);

        /**
         * Sets {@link OrderDraft#request()}.
         *
         * @param request the value
         * @return this builder
         */
        Builder request(QuoteRequest request);

        /**
         * Sets {@link OrderDraft#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(EulaAcceptance eula);

        /**
         * Sets {@link OrderDraft#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(Optional<? extends EulaAcceptance> eula);

        /**
         * Sets {@link OrderDraft#customer()}.
         *
         * @param customer the value
         * @return this builder
         */
        Builder customer(EndCustomer customer);

        /**
         * Sets {@link OrderDraft#customer()}.
         *
         * @param customer the value
         * @return this builder
         */
        Builder customer(Optional<? extends EndCustomer> customer);

        /**
         * Sets {@link OrderDraft#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(License license);

        /**
         * Sets {@link OrderDraft#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(Optional<? extends License> license);

        /**
         * Sets {@link OrderDraft#reference()}.
         *
         * @param reference the value
         * @return this builder
         */
        Builder reference(String reference);

        /**
         * Sets {@link OrderDraft#reference()}.
         *
         * @param reference the value
         * @return this builder
         */
        Builder reference(Optional<String> reference);

        /**
         * Builds the value.
         *
         * @return the OrderDraft
         * @throws IllegalStateException when a required value is missing
         */
        OrderDraft build();
    }
}
