package dev.esetshop.pricing.catalog;

import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.error.CatalogProblem;
import dev.esetshop.core.error.InvalidCatalogException;
import dev.esetshop.pricing.catalog.internal.CatalogReader;
import dev.esetshop.pricing.catalog.internal.CatalogRules;
import dev.esetshop.pricing.catalog.internal.Fingerprint;
import dev.esetshop.pricing.catalog.internal.RowIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The distributor's catalog for one currency: products, price rows, discount programmes and policy. A catalog is
 * immutable and always consistent: every way to make one checks every rule of the catalog format and refuses an
 * inconsistent one with an {@link InvalidCatalogException} that lists all problems at once.
 *
 * <p>The file format (the sample, {@link #SAMPLE_RESOURCE}, shows every part):
 * <pre>{@code
 * {"currency": "EUR",
 *  "products":  [{"code": "EAVB", "name": "ESET Endpoint Antivirus", "names": {"de": "...", "fr": "..."},
 *                 "minSeats": 5, "maxSeats": 1000, "trialMonths": [1, 3], "changeTo": ["EESB"]}],
 *  "prices":    [{"sku": "EAVB-N1B5", "product": "EAVB", "action": "NEW", "years": 1,
 *                 "minSeats": 5, "maxSeats": 10, "unitPrice": "25.10"}],
 *  "discounts": [{"code": "GOV", "name": "Government", "names": {"de": "Öffentliche Verwaltung"},
 *                 "rate": "0.25", "eligibilityRequired": true}],
 *  "policy":    {"crossgradeRate": "0.30", "crossgradeMinCoverage": "0.60",
 *                "crossgradeMaxDaysExpired": 60, "renewalMaxDaysExpired": 60}}
 * }</pre>
 * {@code action} is {@code NEW}, {@code RENEWAL} or {@code UPGRADE}; amounts and rates are decimal strings; a price
 * row's seat band lies inside its product's range and bands of one (product, action, years) do not overlap.
 * {@code names} is optional on products and discounts: the name per language, keyed by ISO 639-1 code in lower case,
 * shown to a person reading that language ({@link Product#name(java.util.Locale)},
 * {@link DiscountProgramme#name(java.util.Locale)}); {@code name} is the name for any other language. Fields the
 * format does not know are ignored.
 */
public final class Catalog {

    /** The source name of catalogs made from Java values with {@link #of}. */
    public static final String JAVA_SOURCE = "catalog";

    private final Currency currency;
    private final List<Product> products;
    private final List<PriceRow> prices;
    private final List<DiscountProgramme> discounts;
    private final CatalogPolicy policy;
    private final String fingerprint;
    private final Map<String, Product> productsByCode;
    private final Map<String, DiscountProgramme> discountsByCode;
    private final RowIndex rows;

    private Catalog(
            Currency currency,
            List<Product> products,
            List<PriceRow> prices,
            List<DiscountProgramme> discounts,
            CatalogPolicy policy) {
        this.currency = currency;
        this.products = List.copyOf(products);
        this.prices = List.copyOf(prices);
        this.discounts = List.copyOf(discounts);
        this.policy = policy;
        // plain hash maps, never handed out: lookups on every quote are faster than in Map.copyOf's probing table
        Map<String, Product> byCode = new HashMap<>();
        for (Product product : this.products) {
            byCode.put(product.code().value(), product);
        }
        this.productsByCode = byCode;
        Map<String, DiscountProgramme> discountByCode = new HashMap<>();
        for (DiscountProgramme discount : this.discounts) {
            discountByCode.put(discount.code(), discount);
        }
        this.discountsByCode = discountByCode;
        this.rows = RowIndex.of(this.prices);
        this.fingerprint = Fingerprint.of(currency, this.products, this.prices, this.discounts, policy);
    }

    /**
     * A catalog from Java values, checked like a loaded one.
     *
     * @param currency the currency of every amount
     * @param products the products, in catalog order
     * @param prices the price rows, in catalog order
     * @param discounts the discount programmes, in catalog order
     * @param policy the rules for crossgrades and late renewals
     * @return the checked catalog
     * @throws InvalidCatalogException listing every inconsistency (source {@value #JAVA_SOURCE})
     */
    public static Catalog of(
            Currency currency,
            List<Product> products,
            List<PriceRow> prices,
            List<DiscountProgramme> discounts,
            CatalogPolicy policy) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(policy, "policy");
        List<CatalogProblem> problems = CatalogRules.problems(
                JAVA_SOURCE,
                CatalogRules.indexed(products),
                CatalogRules.indexed(prices),
                CatalogRules.indexed(discounts));
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return new Catalog(currency, products, prices, discounts, policy);
    }

    /**
     * Loads a catalog file: JSON in the format of the sample catalog, {@link #SAMPLE_RESOURCE}.
     *
     * @param file the JSON file
     * @return the checked catalog
     * @throws InvalidCatalogException when the file cannot be read, is not JSON or is inconsistent
     */
    public static Catalog load(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, source);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /**
     * Loads a catalog from a stream, which stays open; {@code sourceName} names it in problems.
     *
     * @param in the JSON content
     * @param sourceName the name problems report as their source, such as the file name
     * @return the checked catalog
     * @throws InvalidCatalogException when the stream cannot be read, is not JSON or is inconsistent
     */
    public static Catalog load(InputStream in, String sourceName) {
        CatalogReader.Parsed parsed = CatalogReader.read(in, sourceName);
        return new Catalog(parsed.currency(), parsed.products(), parsed.prices(), parsed.discounts(), parsed.policy());
    }

    /**
     * Loads a catalog from the class path, such as {@code "catalog/eur.json"}.
     *
     * @param resourceName the resource's path on the class path, without a leading slash
     * @return the checked catalog
     * @throws InvalidCatalogException when the resource is missing, unreadable, not JSON or inconsistent
     */
    public static Catalog fromClasspath(String resourceName) {
        String source = "classpath:" + resourceName;
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(name);
        if (in == null) {
            in = Catalog.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new InvalidCatalogException(
                    List.of(CatalogProblem.of(source, "", "", "no such resource on the class path")));
        }
        try (InputStream stream = in) {
            return load(stream, source);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /** The class path resource of {@link #sample()}, beside this class. */
    public static final String SAMPLE_RESOURCE = "dev/esetshop/pricing/catalog/sample-catalog.json";

    /**
     * The sample catalog that ships with this library: EUR prices for ESET's business products, the GOV/EDU/STD
     * programmes and a sample policy, which reproduce to the cent the three prices of the original ALSO shop
     * documents. It is meant for demos, tests and trying the SDK; a marketplace prices from its distributor's own
     * catalog ({@link #load(Path)}).
     *
     * @return the sample catalog, loaded once
     */
    public static Catalog sample() {
        return SampleHolder.SAMPLE;
    }

    /** Loads the sample on first use only: most hosts never ask for it. */
    private static final class SampleHolder {
        static final Catalog SAMPLE = fromOwnModule();

        private static Catalog fromOwnModule() {
            String source = "classpath:" + SAMPLE_RESOURCE;
            // Class.getResourceAsStream reads the module's own package even when the module is not open
            try (InputStream in = Catalog.class.getResourceAsStream("sample-catalog.json")) {
                if (in == null) {
                    throw new InvalidCatalogException(
                            List.of(CatalogProblem.of(source, "", "", "missing from the pricing jar")));
                }
                return load(in, source);
            } catch (IOException e) {
                throw unreadable(source, e);
            }
        }
    }

    private static InvalidCatalogException unreadable(String source, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InvalidCatalogException(
                List.of(CatalogProblem.of(source, "", "", "cannot be read (" + reason + ")")), e);
    }

    /**
     * The currency of every amount.
     *
     * @return the catalog's currency
     */
    public Currency currency() {
        return currency;
    }

    /**
     * The products in catalog order.
     *
     * @return the products, unmodifiable
     */
    public List<Product> products() {
        return products;
    }

    /**
     * The product with the code, if the catalog has it.
     *
     * @param code the product code, such as {@code EAVB}
     * @return the product, or empty when the catalog has none with the code
     */
    public Optional<Product> product(String code) {
        return Optional.ofNullable(productsByCode.get(code));
    }

    /**
     * The discount programmes in catalog order.
     *
     * @return the programmes, unmodifiable
     */
    public List<DiscountProgramme> discounts() {
        return discounts;
    }

    /**
     * The discount programme with the code, if the catalog has it.
     *
     * @param code the programme's code, such as {@code GOV}
     * @return the programme, or empty when the catalog has none with the code
     */
    public Optional<DiscountProgramme> discount(String code) {
        return Optional.ofNullable(discountsByCode.get(code));
    }

    /**
     * The price rows in catalog order.
     *
     * @return the rows, unmodifiable
     */
    public List<PriceRow> prices() {
        return prices;
    }

    /**
     * The policy.
     *
     * @return the rules for crossgrades and late renewals
     */
    public CatalogPolicy policy() {
        return policy;
    }

    /**
     * SHA-256 (hex) of the catalog's canonical content: equal for catalogs with the same content in any order.
     *
     * @return the fingerprint, 64 lower-case hex digits
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The price row for the product, action and years whose band contains {@code seats}.
     *
     * @param product the product
     * @param action the action priced: new, renewal or the like
     * @param years the years of the license term
     * @param seats the seats, which must lie in the row's band
     * @return the row, or empty when the catalog prices no such combination
     */
    public Optional<PriceRow> row(ProductCode product, PriceAction action, int years, int seats) {
        return Optional.ofNullable(rows.find(product.value(), action, years, seats));
    }

    @Override
    public String toString() {
        return "Catalog[" + currency.getCurrencyCode() + ", " + products.size() + " products, " + prices.size()
                + " prices, " + discounts.size() + " discounts, " + fingerprint.substring(0, 12) + "]";
    }
}
