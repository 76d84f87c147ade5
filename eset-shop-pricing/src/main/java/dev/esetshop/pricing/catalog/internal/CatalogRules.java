package dev.esetshop.pricing.catalog.internal;

import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.error.CatalogProblem;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a consistent catalog that span entries: unique codes and SKUs, rows of known products, bands that
 * neither overlap nor leave their product's seat range, changes to existing products. The rules of single fields
 * are checked by the value types themselves and, with the field's name, by {@link CatalogReader}.
 */
public final class CatalogRules {

    /** An entry with its position in the catalog document, so a problem can name it ({@code prices[12]}). */
    public record Entry<T>(int index, T value) {}

    private CatalogRules() {}

    /** Entries numbered by their position in the list. */
    public static <T> List<Entry<T>> indexed(List<T> values) {
        List<Entry<T>> entries = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            entries.add(new Entry<>(i, values.get(i)));
        }
        return entries;
    }

    /** Every problem across entries, in document order of the entry that shows it. */
    public static List<CatalogProblem> problems(
            String source,
            List<Entry<Product>> products,
            List<Entry<PriceRow>> prices,
            List<Entry<DiscountProgramme>> discounts) {
        return problems(source, products, prices, discounts, Set.of());
    }

    /**
     * Every problem across entries; {@code unreadProducts} are the codes of product entries that had problems of
     * their own, so rows and changes naming them are not reported as naming unknown products.
     */
    public static List<CatalogProblem> problems(
            String source,
            List<Entry<Product>> products,
            List<Entry<PriceRow>> prices,
            List<Entry<DiscountProgramme>> discounts,
            Set<ProductCode> unreadProducts) {
        List<CatalogProblem> problems = new ArrayList<>();
        Map<ProductCode, Entry<Product>> productByCode = new HashMap<>();
        for (Entry<Product> entry : products) {
            Entry<Product> earlier = productByCode.putIfAbsent(entry.value().code(), entry);
            if (earlier != null) {
                problems.add(CatalogProblem.of(
                        source,
                        "products[" + entry.index() + "]",
                        "code",
                        "the code " + entry.value().code() + " is already used by products[" + earlier.index() + "]"));
            }
        }
        for (Entry<Product> entry : products) {
            List<ProductCode> changeTo = entry.value().changeTo();
            for (int i = 0; i < changeTo.size(); i++) {
                ProductCode target = changeTo.get(i);
                String field = "changeTo[" + i + "]";
                if (!productByCode.containsKey(target) && !unreadProducts.contains(target)) {
                    problems.add(CatalogProblem.of(
                            source,
                            "products[" + entry.index() + "]",
                            field,
                            "the product " + target + " is not in the catalog"));
                } else if (target.equals(entry.value().code())) {
                    problems.add(CatalogProblem.of(
                            source, "products[" + entry.index() + "]", field, "a product cannot be changed to itself"));
                }
            }
        }
        Map<String, Entry<PriceRow>> rowBySku = new HashMap<>();
        Map<String, List<Entry<PriceRow>>> byKey = new HashMap<>();
        for (Entry<PriceRow> entry : prices) {
            PriceRow row = entry.value();
            String where = "prices[" + entry.index() + "]";
            Entry<PriceRow> earlier = rowBySku.putIfAbsent(row.sku().value(), entry);
            if (earlier != null) {
                problems.add(CatalogProblem.of(
                        source,
                        where,
                        "sku",
                        "the SKU " + row.sku() + " is already used by prices[" + earlier.index() + "]"));
            }
            Entry<Product> product = productByCode.get(row.product());
            if (product == null && !unreadProducts.contains(row.product())) {
                problems.add(CatalogProblem.of(
                        source, where, "product", "the product " + row.product() + " is not in the catalog"));
            } else if (product != null) {
                Product p = product.value();
                if (row.minSeats() < p.minSeats()) {
                    problems.add(CatalogProblem.of(
                            source,
                            where,
                            "minSeats",
                            "the band starts at " + row.minSeats() + ", below the product's minSeats " + p.minSeats()));
                }
                if (row.maxSeats() > p.maxSeats()) {
                    problems.add(CatalogProblem.of(
                            source,
                            where,
                            "maxSeats",
                            "the band ends at " + row.maxSeats() + ", above the product's maxSeats " + p.maxSeats()));
                }
            }
            byKey.computeIfAbsent(
                            row.product().value() + '|' + row.action() + '|' + row.years(), k -> new ArrayList<>())
                    .add(entry);
        }
        List<CatalogProblem> overlaps = new ArrayList<>();
        List<Integer> overlapAt = new ArrayList<>();
        for (List<Entry<PriceRow>> band : byKey.values()) {
            band.sort(Comparator.comparingInt((Entry<PriceRow> e) -> e.value().minSeats())
                    .thenComparingInt(Entry::index));
            Entry<PriceRow> reach = null;
            for (Entry<PriceRow> entry : band) {
                if (reach != null && entry.value().minSeats() <= reach.value().maxSeats()) {
                    overlaps.add(CatalogProblem.of(
                            source,
                            "prices[" + entry.index() + "]",
                            "minSeats",
                            "the band " + entry.value().minSeats() + ".."
                                    + entry.value().maxSeats()
                                    + " overlaps the band of prices[" + reach.index() + "] for the same product,"
                                    + " action and years"));
                    overlapAt.add(entry.index());
                }
                if (reach == null || entry.value().maxSeats() > reach.value().maxSeats()) {
                    reach = entry;
                }
            }
        }
        sortByIndex(overlaps, overlapAt);
        problems.addAll(overlaps);
        Map<String, Entry<DiscountProgramme>> discountByCode = new HashMap<>();
        for (Entry<DiscountProgramme> entry : discounts) {
            Entry<DiscountProgramme> earlier =
                    discountByCode.putIfAbsent(entry.value().code(), entry);
            if (earlier != null) {
                problems.add(CatalogProblem.of(
                        source,
                        "discounts[" + entry.index() + "]",
                        "code",
                        "the code " + entry.value().code() + " is already used by discounts[" + earlier.index() + "]"));
            }
        }
        return problems;
    }

    private static void sortByIndex(List<CatalogProblem> problems, List<Integer> indices) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(indices::get));
        List<CatalogProblem> sorted = new ArrayList<>();
        for (int i : order) {
            sorted.add(problems.get(i));
        }
        problems.clear();
        problems.addAll(sorted);
    }
}
