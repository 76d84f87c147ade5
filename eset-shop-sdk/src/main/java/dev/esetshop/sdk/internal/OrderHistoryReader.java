package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetOrder;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistory;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.sdk.order.OrderRecord;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the order history from the journal: each entry's payload (the order as it was priced and sent) becomes an
 * {@link OrderRecord}, its product named by the catalog. An entry whose payload cannot be read, or whose product
 * neither the catalog nor the license book knows any more, is left out and logged, so one damaged entry does not
 * hide the others.
 */
public final class OrderHistoryReader {

    private static final Logger LOG = LoggerFactory.getLogger(OrderHistoryReader.class);

    private final OrderJournal journal;
    private final Catalog catalog;
    private final Function<LicenseId, Optional<License>> licenses;
    private final ZoneId zone;

    /**
     * A reader.
     *
     * @param journal the journal to read
     * @param catalog the catalog naming the products
     * @param licenses the license book, for the product of a renewal whose SKU the catalog no longer lists
     * @param zone the shop's zone, for the local time of each order
     */
    public OrderHistoryReader(
            OrderJournal journal, Catalog catalog, Function<LicenseId, Optional<License>> licenses, ZoneId zone) {
        this.journal = journal;
        this.catalog = catalog;
        this.licenses = licenses;
        this.zone = zone;
    }

    /** The query's page; the journal answers one entry more when an older page follows. */
    public OrderHistory read(OrderHistoryQuery query) {
        List<JournalEntry> entries = journal.page(query);
        boolean hasNext = entries.size() > query.size();
        List<OrderRecord> orders = new ArrayList<>();
        for (JournalEntry entry : entries.subList(0, Math.min(entries.size(), query.size()))) {
            record(entry).ifPresent(orders::add);
        }
        return ImmutableOrderHistory.of(query, orders, hasNext);
    }

    /** The order the journal holds under the key, as a row of the history (empty when unknown or unreadable). */
    public Optional<OrderRecord> find(IdempotencyKey key) {
        return journal.find(key).flatMap(this::record);
    }

    private Optional<OrderRecord> record(JournalEntry entry) {
        OrderPayload payload;
        try {
            payload = OrderPayload.fromJson(entry.payload());
        } catch (RuntimeException damaged) {
            // the payload is the SDK's own JSON; the exception's message may quote it, so its type only
            LOG.error(
                    "the journal entry {} has a payload that cannot be read ({}); it is left out of the order"
                            + " history until it is repaired",
                    entry.key(),
                    damaged.getClass().getSimpleName());
            return Optional.empty();
        }
        Optional<ProductCode> product = productOf(payload.call());
        if (product.isEmpty()) {
            LOG.error(
                    "the product of the journal entry {} is known neither to the catalog nor to the license book;"
                            + " it is left out of the order history",
                    entry.key());
            return Optional.empty();
        }
        Optional<Product> known = catalog.product(product.get().value());
        return Optional.of(ImmutableOrderRecord.builder()
                .key(entry.key())
                .placedAt(LocalDateTime.ofInstant(entry.createdAt(), zone))
                .operation(entry.operation())
                .product(product.get())
                .productName(known.map(Product::name).orElse(product.get().value()))
                .productNames(known.map(Product::names).orElse(Map.of()))
                .seats(seatsOf(payload.call()))
                .yourPrice(payload.yourPrice())
                .customer(payload.customer())
                .reference(payload.reference())
                .eula(payload.eula())
                .state(entry.state())
                .orderNumber(entry.orderNumber())
                .licenseId(entry.licenseId())
                .rejection(entry.rejection())
                .build());
    }

    /** The product ordered: the call's, else the product of its SKU, else the product of the license it renews. */
    private Optional<ProductCode> productOf(EsetOrder call) {
        if (call instanceof NewLicenseOrder order) {
            return Optional.of(order.productCode());
        }
        if (call instanceof TrialOrder order) {
            return Optional.of(order.productCode());
        }
        if (call instanceof ProductChangeOrder order) {
            return Optional.of(order.productCode());
        }
        if (call instanceof TrialConversionOrder order) {
            return productOf(order.sku())
                    .or(() -> licenses.apply(order.publicLicenseId()).map(License::productCode));
        }
        RenewalOrder order = (RenewalOrder) call;
        return order.skus().stream()
                .flatMap(sku -> productOf(sku).stream())
                .findFirst()
                .or(() -> licenses.apply(order.publicLicenseId()).map(License::productCode));
    }

    /** The product a SKU of the price list prices, empty for a SKU the catalog does not list. */
    private Optional<ProductCode> productOf(Sku sku) {
        return catalog.prices().stream()
                .filter(row -> row.sku().equals(sku))
                .map(PriceRow::product)
                .findFirst();
    }

    private static int seatsOf(EsetOrder call) {
        if (call instanceof NewLicenseOrder order) {
            return order.seats();
        }
        if (call instanceof TrialOrder order) {
            return order.seats();
        }
        if (call instanceof ProductChangeOrder order) {
            return order.seats();
        }
        if (call instanceof TrialConversionOrder order) {
            return order.seats();
        }
        return ((RenewalOrder) call).seats();
    }
}
