package dev.esetshop.testkit;

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
import java.time.Instant;
import java.util.stream.Stream;

/**
 * An {@link EsetPartnerApi} that passes every call on to another: a test overrides the calls it wants to disturb
 * (fail, count, or "crash" the caller between two steps) and leaves the rest alone.
 */
public class ForwardingPartnerApi implements EsetPartnerApi {

    private final EsetPartnerApi delegate;

    /** Forwards to {@code delegate}. */
    public ForwardingPartnerApi(EsetPartnerApi delegate) {
        this.delegate = delegate;
    }

    @Override
    public PartnerStatus partnerStatus() {
        return delegate.partnerStatus();
    }

    @Override
    public LicensePage searchLicenses(int skip, int take) {
        return delegate.searchLicenses(skip, take);
    }

    @Override
    public LicensePage searchLicenses(int skip, int take, Instant modifiedSince) {
        return delegate.searchLicenses(skip, take, modifiedSince);
    }

    @Override
    public Stream<LicensePage> pages(int pageSize) {
        return delegate.pages(pageSize);
    }

    @Override
    public Stream<LicensePage> pages(Instant modifiedSince, int pageSize) {
        return delegate.pages(modifiedSince, pageSize);
    }

    @Override
    public License licenseDetail(LicenseId id) {
        return delegate.licenseDetail(id);
    }

    @Override
    public OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
        return delegate.order(order, key);
    }

    @Override
    public OrderReceipt renew(RenewalOrder order, IdempotencyKey key) {
        return delegate.renew(order, key);
    }

    @Override
    public OrderReceipt changeProduct(ProductChangeOrder order, IdempotencyKey key) {
        return delegate.changeProduct(order, key);
    }

    @Override
    public OrderReceipt trial(TrialOrder order, IdempotencyKey key) {
        return delegate.trial(order, key);
    }

    @Override
    public OrderReceipt convertTrial(TrialConversionOrder order, IdempotencyKey key) {
        return delegate.convertTrial(order, key);
    }

    /** Closes the delegate: the forwarding view owns what it wraps. */
    @Override
    public void close() {
        delegate.close();
    }
}
