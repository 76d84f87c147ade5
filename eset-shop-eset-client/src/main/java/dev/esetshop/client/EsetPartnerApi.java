package dev.esetshop.client;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The Java face of ESET's partner API (JSON over HTTPS, with a bearer token from {@code Token/Get}). Every method either
 * answers or throws a subclass of {@link dev.esetshop.core.error.EsetApiException} after the implementation's
 * retries. Implementations are immutable and safe to share between threads. Closing releases what the
 * implementation holds (threads, connections); after that, calls fail with
 * {@link dev.esetshop.core.error.ClientClosedException}, which is not an answer of ESET.
 */
public interface EsetPartnerApi extends AutoCloseable {

    /** The largest page ESET serves. */
    int MAX_PAGE_SIZE = 100;

    /**
     * The partner the credentials belong to; the marketplace fields of the answer are empty.
     *
     * @return the partner's status at ESET
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    PartnerStatus partnerStatus();

    /**
     * One page of all the partner's licenses, ordered by public license id.
     *
     * @param skip how many licenses to skip, not negative
     * @param take the page size, 1 to {@link #MAX_PAGE_SIZE}
     * @return the page, empty past the last license
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    LicensePage searchLicenses(int skip, int take);

    /**
     * One page of the partner's licenses changed at or after an instant, ordered by public license id.
     *
     * @param skip how many licenses to skip, not negative
     * @param take the page size, 1 to {@link #MAX_PAGE_SIZE}
     * @param modifiedSince only licenses changed at or after this instant
     * @return the page, empty past the last license
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    LicensePage searchLicenses(int skip, int take, Instant modifiedSince);

    /**
     * Every page of all the partner's licenses, fetched lazily through {@link #searchLicenses(int, int)}: a page is
     * requested only when the stream reaches it. Close the stream (or let it end) to stop.
     *
     * @param pageSize the page size, 1 to {@link #MAX_PAGE_SIZE}
     * @return the pages in license id order, ending after the last page
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    default Stream<LicensePage> pages(int pageSize) {
        return pagesOf(skip -> searchLicenses(skip, pageSize), pageSize);
    }

    /**
     * Every page of the partner's licenses changed at or after an instant, fetched lazily through
     * {@link #searchLicenses(int, int, Instant)}: a page is requested only when the stream reaches it. Close the
     * stream (or let it end) to stop.
     *
     * @param modifiedSince only licenses changed at or after this instant
     * @param pageSize the page size, 1 to {@link #MAX_PAGE_SIZE}
     * @return the pages in license id order, ending after the last page
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    default Stream<LicensePage> pages(Instant modifiedSince, int pageSize) {
        Objects.requireNonNull(modifiedSince, "modifiedSince");
        return pagesOf(skip -> searchLicenses(skip, pageSize, modifiedSince), pageSize);
    }

    private static Stream<LicensePage> pagesOf(IntFunction<LicensePage> search, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("the page size must be 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        Spliterator<LicensePage> pages =
                new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    private int skip;
                    private boolean done;

                    @Override
                    public boolean tryAdvance(Consumer<? super LicensePage> action) {
                        if (done) {
                            return false;
                        }
                        LicensePage page = search.apply(skip);
                        skip += page.items().size();
                        done = !page.hasNext();
                        action.accept(page);
                        return true;
                    }
                };
        return StreamSupport.stream(pages, false);
    }

    /**
     * One license with its end customer.
     *
     * @param id ESET's public license id
     * @return the license
     * @throws dev.esetshop.core.error.LicenseNotFoundException when the partner has no license with the id
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    License licenseDetail(LicenseId id);

    /**
     * Orders a new license; the key makes a repeated call return the first answer.
     *
     * @param order the order
     * @param key the idempotency key; a repeated call with it is the same order
     * @return ESET's receipt with the order number and the license
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    OrderReceipt order(NewLicenseOrder order, IdempotencyKey key);

    /**
     * Renews and/or extends a license.
     *
     * @param order the renewal
     * @param key the idempotency key; a repeated call with it is the same order
     * @return ESET's receipt with the order number and the renewed license
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    OrderReceipt renew(RenewalOrder order, IdempotencyKey key);

    /**
     * Changes a license to another product.
     *
     * @param order the product change
     * @param key the idempotency key; a repeated call with it is the same order
     * @return ESET's receipt with the order number and the changed license
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    OrderReceipt changeProduct(ProductChangeOrder order, IdempotencyKey key);

    /**
     * Creates a trial license.
     *
     * @param order the trial
     * @param key the idempotency key; a repeated call with it is the same order
     * @return ESET's receipt with the order number and the trial license
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    OrderReceipt trial(TrialOrder order, IdempotencyKey key);

    /**
     * Converts a trial license into a paid license under the same public license id.
     *
     * @param order the conversion
     * @param key the idempotency key; a repeated call with it is the same order
     * @return ESET's receipt with the order number and the converted license
     * @throws dev.esetshop.core.error.EsetRuleRefusedException when the license is not a trial (8/48) or expired
     *     longer ago than ESET allows (8/37)
     * @throws dev.esetshop.core.error.EsetRefusedException when ESET answered and refused the call
     * @throws dev.esetshop.core.error.EsetOutcomeUnknownException when the outcome is unknown or the failure transient, after the retries
     */
    OrderReceipt convertTrial(TrialConversionOrder order, IdempotencyKey key);

    /**
     * Releases the implementation's threads and connections; calls made afterwards fail. Closing twice is
     * harmless. The default does nothing, for implementations that hold nothing (fakes).
     */
    @Override
    default void close() {}
}
