package dev.esetshop.sdk;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.pricing.Quote;
import java.util.Objects;

/**
 * An order of an accepted {@link Quote}: the {@link OrderDraft} it was quoted from, with what the operation needs
 * besides the quote. What is missing is reported as a violation by {@link EsetShop#order(OrderRequest)}, never
 * thrown, and so is a quote that no longer holds ({@code QUOTE_OUTDATED}): after the reseller edits a draft, quote
 * it again and pair the draft with the new quote. Only a quote of another request than the draft's is refused at
 * construction, with an {@link IllegalArgumentException}: that is a mistake of the calling code, not of the input.
 *
 * @param draft the order's draft: the quote's request, the EULA acceptance, end customer, license, reference and key
 * @param quote the accepted quote of the draft's request
 */
public record OrderRequest(OrderDraft draft, Quote quote) {

    /**
     * An order of a draft's accepted quote.
     *
     * @throws IllegalArgumentException when the quote is not of the draft's request
     */
    public OrderRequest {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(quote, "quote");
        if (!draft.request().equals(quote.request())) {
            throw new IllegalArgumentException("the quote is not of the draft's request");
        }
    }

    /** A NEW or TRIAL order; add a reference with {@code withReference(...)}. */
    public static OrderRequest forNewLicense(Quote quote, EulaAcceptance eula, EndCustomer customer) {
        return OrderDraft.builder()
                .request(quote.request())
                .eula(eula)
                .customer(customer)
                .build()
                .withQuote(quote);
    }

    /** A RENEWAL or PRODUCT_CHANGE order of a license; add a reference with {@code withReference(...)}. */
    public static OrderRequest forLicense(Quote quote, License license) {
        return OrderDraft.builder()
                .request(quote.request())
                .license(license)
                .build()
                .withQuote(quote);
    }

    /**
     * A TRIAL_CONVERSION order of a trial license from the book; add a reference with {@code withReference(...)}.
     *
     * @param quote the accepted conversion quote
     * @param trial the trial license quoted, as the book holds it
     * @param eula the end customer's acceptance of the EULA, which ESET requires for a conversion
     * @return the request
     */
    public static OrderRequest forTrialConversion(Quote quote, License trial, EulaAcceptance eula) {
        return OrderDraft.builder()
                .request(quote.request())
                .license(trial)
                .eula(eula)
                .build()
                .withQuote(quote);
    }

    /**
     * This request with the customer's order reference.
     *
     * @param reference the reference, at most 64 characters
     * @return a copy with the reference
     */
    public OrderRequest withReference(String reference) {
        return OrderDraft.builder().from(draft).reference(reference).build().withQuote(quote);
    }

    /**
     * This request under the caller's idempotency key (see {@link OrderDraft#idempotencyKey()}).
     *
     * @param idempotencyKey the caller's key for this purchase
     * @return a copy with the key
     */
    public OrderRequest withIdempotencyKey(IdempotencyKey idempotencyKey) {
        return OrderDraft.builder()
                .from(draft)
                .idempotencyKey(idempotencyKey)
                .build()
                .withQuote(quote);
    }
}
