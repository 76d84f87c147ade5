package dev.esetshop.sdk;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.pricing.Quote;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An order of an accepted {@link Quote}, with what the operation needs besides the quote: for NEW and TRIAL the
 * EULA acceptance and the end customer, for RENEWAL and PRODUCT_CHANGE the license from the license book (the quote
 * only knows its product, seats and expiry, ESET needs its id). What is missing is reported as a violation by
 * {@link EsetShop#order(OrderRequest)}, never thrown.
 */
@Value.Immutable
public interface OrderRequest {

    /** The accepted quote to order. */
    Quote quote();

    /** The EULA acceptance (NEW and TRIAL). */
    Optional<EulaAcceptance> eula();

    /** The end customer (NEW and TRIAL; a renewal keeps the license's customer). */
    Optional<EndCustomer> customer();

    /** The license renewed or changed (RENEWAL and PRODUCT_CHANGE). */
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
    static ImmutableOrderRequest forNewLicense(Quote quote, EulaAcceptance eula, EndCustomer customer) {
        return ImmutableOrderRequest.builder().quote(quote).eula(eula).customer(customer).build();
    }

    /** A RENEWAL or PRODUCT_CHANGE order of a license; add a reference with {@code withReference(...)}. */
    static ImmutableOrderRequest forLicense(Quote quote, License license) {
        return ImmutableOrderRequest.builder().quote(quote).license(license).build();
    }

    /** A builder. */
    static ImmutableOrderRequest.Builder builder() {
        return ImmutableOrderRequest.builder();
    }
}
