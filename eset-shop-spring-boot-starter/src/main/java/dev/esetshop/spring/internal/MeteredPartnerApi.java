package dev.esetshop.spring.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.LicensePage;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.spring.EsetShopMonitor;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A reseller's partner API whose every call is timed into {@link EsetShopMonitor#CALLS} by operation and outcome. */
public final class MeteredPartnerApi implements EsetPartnerApi {

    private final EsetPartnerApi delegate;
    private final EsetShopMonitor monitor;

    /**
     * Measures a partner API.
     *
     * @param delegate the API that makes the calls
     * @param monitor where the calls are recorded
     */
    public MeteredPartnerApi(EsetPartnerApi delegate, EsetShopMonitor monitor) {
        this.delegate = delegate;
        this.monitor = monitor;
    }

    @Override
    public PartnerStatus partnerStatus() {
        return timed("partnerStatus", delegate::partnerStatus);
    }

    @Override
    public LicensePage searchLicenses(int skip, int take, Optional<Instant> modifiedSince) {
        return timed("searchLicenses", () -> delegate.searchLicenses(skip, take, modifiedSince));
    }

    @Override
    public Stream<LicensePage> pages(Optional<Instant> modifiedSince, int pageSize) {
        Stream<LicensePage> pages = delegate.pages(modifiedSince, pageSize);
        Iterator<LicensePage> each = pages.iterator();
        // the page is fetched when the stream advances: time that, not the stream's creation
        Iterator<LicensePage> timed = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return timed("searchLicenses", each::hasNext);
            }

            @Override
            public LicensePage next() {
                return each.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(timed, Spliterator.ORDERED), false)
                .onClose(pages::close);
    }

    @Override
    public License licenseDetail(LicenseId id) {
        return timed("licenseDetail", () -> delegate.licenseDetail(id));
    }

    @Override
    public OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
        return timed("order", () -> delegate.order(order, key));
    }

    @Override
    public OrderReceipt renew(RenewalOrder order, IdempotencyKey key) {
        return timed("renew", () -> delegate.renew(order, key));
    }

    @Override
    public OrderReceipt changeProduct(ProductChangeOrder order, IdempotencyKey key) {
        return timed("changeProduct", () -> delegate.changeProduct(order, key));
    }

    @Override
    public OrderReceipt trial(TrialOrder order, IdempotencyKey key) {
        return timed("trial", () -> delegate.trial(order, key));
    }

    @Override
    public OrderReceipt convertTrial(TrialConversionOrder order, IdempotencyKey key) {
        return timed("convertTrial", () -> delegate.convertTrial(order, key));
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Metered[" + delegate + "]";
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } catch (EsetShopException e) {
            outcome = e.code();
            throw e;
        } finally {
            monitor.recordCall(operation, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
