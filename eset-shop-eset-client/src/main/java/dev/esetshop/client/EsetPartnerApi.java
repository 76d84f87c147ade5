package dev.esetshop.client;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** The partner the credentials belong to; the marketplace fields of the answer are empty. */
    PartnerStatus partnerStatus();

    /**
     * One page of the partner's licenses, ordered by public license id.
     *
     * @param skip how many licenses to skip
     * @param take the page size, 1 to {@link #MAX_PAGE_SIZE}
     * @param modifiedSince only licenses changed at or after this instant
     */
    LicensePage searchLicenses(int skip, int take, Optional<Instant> modifiedSince);

    /**
     * Every page of the partner's licenses, fetched lazily: a page is requested only when the stream reaches it.
     * Close the stream (or let it end) to stop.
     */
    Stream<LicensePage> pages(Optional<Instant> modifiedSince, int pageSize);

    /** One license with its end customer. */
    License licenseDetail(LicenseId id);

    /** Orders a new license; the key makes a repeated call return the first answer. */
    OrderReceipt order(NewLicenseOrder order, IdempotencyKey key);

    /** Renews and/or extends a license. */
    OrderReceipt renew(RenewalOrder order, IdempotencyKey key);

    /** Changes a license to another product. */
    OrderReceipt changeProduct(ProductChangeOrder order, IdempotencyKey key);

    /** Creates a trial license. */
    OrderReceipt trial(TrialOrder order, IdempotencyKey key);

    /**
     * Releases the implementation's threads and connections; calls made afterwards fail. Closing twice is
     * harmless. The default does nothing, for implementations that hold nothing (fakes).
     */
    @Override
    default void close() {
    }
}
