package dev.esetshop.pricing;

import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.internal.QuoteEngine;
import java.util.Objects;

/**
 * Quotes every operation of the shop against one {@link Catalog}: an accepted {@link Quote} with exact prices, or
 * every violation of the request at once. Thread-safe, and its answers depend only on the catalog and the arguments
 * (it keeps the last margin and expiration it computed, which only saves work); make one per catalog and share it.
 *
 * <pre>{@code
 * Pricing pricing = Pricing.of(Catalog.load(Path.of("catalog.json")));
 * QuoteResult result = pricing.quote(
 *         NewLicenseRequest.builder().product("EAVB").seats(6).years(1).build(),
 *         QuoteContext.of(LocalDate.now(clock), new BigDecimal("0.25")));
 * }</pre>
 */
public final class Pricing {

    private final Catalog catalog;
    private final QuoteEngine engine;

    private Pricing(Catalog catalog) {
        this.catalog = catalog;
        this.engine = new QuoteEngine(catalog, RecordQuoteValues.INSTANCE);
    }

    /**
     * Pricing over a catalog.
     *
     * @param catalog the catalog every quote is made from
     * @return pricing for the catalog
     * @throws NullPointerException when the catalog is null
     */
    public static Pricing of(Catalog catalog) {
        return new Pricing(Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * The catalog quoted from.
     *
     * @return the catalog this pricing was made with
     */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Quotes a request on the context's date at its margin. A request that breaks rules gets
     * {@link QuoteResult.Rejected} with all its violations; this method does not throw for any request.
     *
     * @param request the operation to quote
     * @param context the date to quote on and the partner margin to apply
     * @return {@link QuoteResult.Accepted} with the quote, or {@link QuoteResult.Rejected} with every violation
     */
    public QuoteResult quote(QuoteRequest request, QuoteContext context) {
        return engine.quote(request, context);
    }
}
