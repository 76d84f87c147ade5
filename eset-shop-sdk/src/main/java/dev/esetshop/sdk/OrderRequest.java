package dev.esetshop.sdk;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.pricing.Quote;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An order of an accepted {@link Quote}, with what the operation needs besides the quote: for NEW and TRIAL the
 * EULA acceptance and the end customer, for RENEWAL and PRODUCT_CHANGE the license from the license book (the quote
 * only knows its product, seats and expiry, ESET needs its id), for TRIAL_CONVERSION the trial license and the EULA
 * acceptance (the end customer is the trial's, which ESET keeps). What is missing is reported as a violation by
 * {@link EsetShop#order(OrderRequest)}, never thrown.
 */
@Value.Immutable
public interface OrderRequest {

    /** The accepted quote to order. */
    Quote quote();

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

    /** A NEW or TRIAL order; add a reference with {@code withReference(...)}. */
    static OrderRequest forNewLicense(Quote quote, EulaAcceptance eula, EndCustomer customer) {
        return ImmutableOrderRequest.builder()
                .quote(quote)
                .eula(eula)
                .customer(customer)
                .build();
    }

    /** A RENEWAL or PRODUCT_CHANGE order of a license; add a reference with {@code withReference(...)}. */
    static OrderRequest forLicense(Quote quote, License license) {
        return ImmutableOrderRequest.builder().quote(quote).license(license).build();
    }

    /**
     * A TRIAL_CONVERSION order of a trial license from the book; add a reference with {@code withReference(...)}.
     *
     * @param quote the accepted conversion quote
     * @param trial the trial license quoted, as the book holds it
     * @param eula the end customer's acceptance of the EULA, which ESET requires for a conversion
     * @return the request
     */
    static OrderRequest forTrialConversion(Quote quote, License trial, EulaAcceptance eula) {
        return ImmutableOrderRequest.builder()
                .quote(quote)
                .license(trial)
                .eula(eula)
                .build();
    }

    /**
     * This request with the customer's order reference.
     *
     * @param reference the reference, at most 64 characters
     * @return a copy with the reference
     */
    default OrderRequest withReference(String reference) {
        return builder().from(this).reference(reference).build();
    }

    /**
     * This request under the caller's idempotency key (see {@link #idempotencyKey()}).
     *
     * @param idempotencyKey the caller's key for this purchase
     * @return a copy with the key
     */
    default OrderRequest withIdempotencyKey(IdempotencyKey idempotencyKey) {
        return builder().from(this).idempotencyKey(idempotencyKey).build();
    }

    /** A builder. */
    static Builder builder() {
        return ImmutableOrderRequest.builder();
    }

    /** Collects the values of a {@link OrderRequest}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(OrderRequest instance);

        /**
         * Sets {@link OrderRequest#quote()}.
         *
         * @param quote the value
         * @return this builder
         */
        Builder quote(Quote quote);

        /**
         * Sets {@link OrderRequest#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(EulaAcceptance eula);

        /**
         * Sets {@link OrderRequest#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(Optional<? extends EulaAcceptance> eula);

        /**
         * Sets {@link OrderRequest#customer()}.
         *
         * @param customer the value
         * @return this builder
         */
        Builder customer(EndCustomer customer);

        /**
         * Sets {@link OrderRequest#customer()}.
         *
         * @param customer the value
         * @return this builder
         */
        Builder customer(Optional<? extends EndCustomer> customer);

        /**
         * Sets {@link OrderRequest#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(License license);

        /**
         * Sets {@link OrderRequest#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(Optional<? extends License> license);

        /**
         * Sets {@link OrderRequest#reference()}.
         *
         * @param reference the value
         * @return this builder
         */
        Builder reference(String reference);

        /**
         * Sets {@link OrderRequest#reference()}.
         *
         * @param reference the value
         * @return this builder
         */
        Builder reference(Optional<String> reference);

        /**
         * Sets {@link OrderRequest#idempotencyKey()}.
         *
         * @param idempotencyKey the value
         * @return this builder
         */
        Builder idempotencyKey(IdempotencyKey idempotencyKey);

        /**
         * Sets {@link OrderRequest#idempotencyKey()}.
         *
         * @param idempotencyKey the value
         * @return this builder
         */
        Builder idempotencyKey(Optional<? extends IdempotencyKey> idempotencyKey);

        /**
         * Builds the value.
         *
         * @return the OrderRequest
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        OrderRequest build();
    }
}
