package dev.esetshop.pricing.catalog.internal;

import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.core.error.CatalogProblem;
import dev.esetshop.core.error.InvalidCatalogException;
import dev.esetshop.pricing.catalog.CatalogPolicy;
import dev.esetshop.pricing.catalog.PriceAction;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import dev.esetshop.pricing.internal.Json;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the catalog's JSON into values, collecting every problem of every field (missing,
 * wrong JSON type, out of range, amounts as binary floating point) before the rules across entries run, so one
 * load names everything that must be fixed. Unknown fields are ignored.
 */
public final class CatalogReader {

    /** A catalog read and checked. */
    public record Parsed(
            Currency currency,
            List<Product> products,
            List<PriceRow> prices,
            List<DiscountProgramme> discounts,
            CatalogPolicy policy) {}

    private final String source;
    private final List<CatalogProblem> problems = new ArrayList<>();

    private CatalogReader(String source) {
        this.source = source;
    }

    /**
     * Reads and checks a catalog document.
     *
     * @throws InvalidCatalogException listing every problem, or one naming the source when it is not JSON
     */
    public static Parsed read(InputStream in, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidCatalogException(
                    List.of(CatalogProblem.of(source, "", "", "is not valid JSON" + Json.where(e))));
        } catch (UncheckedIOException e) {
            throw new InvalidCatalogException(List.of(CatalogProblem.of(source, "", "", "cannot be read")), e);
        }
        return new CatalogReader(source).parse(root);
    }

    private Parsed parse(JsonNode root) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidCatalogException(
                    List.of(CatalogProblem.of(source, "", "", "is not a JSON object with the catalog's fields")));
        }
        Fields top = new Fields("", root);
        Currency currency = currency(top);
        List<CatalogRules.Entry<Product>> products = new ArrayList<>();
        Set<ProductCode> unreadProducts = new HashSet<>();
        List<CatalogRules.Entry<PriceRow>> prices = new ArrayList<>();
        List<CatalogRules.Entry<DiscountProgramme>> discounts = new ArrayList<>();
        JsonNode productNodes = top.array("products", true);
        for (int i = 0; productNodes != null && i < productNodes.size(); i++) {
            Fields entry = top.entry("products[" + i + "]", productNodes.get(i));
            Product product = entry == null ? null : product(entry);
            if (product != null) {
                products.add(new CatalogRules.Entry<>(i, product));
            } else if (entry != null) {
                JsonNode code = entry.node.get("code");
                if (code != null && code.isString() && ProductCode.isValid(code.stringValue())) {
                    unreadProducts.add(ProductCode.of(code.stringValue()));
                }
            }
        }
        JsonNode priceNodes = top.array("prices", true);
        for (int i = 0; priceNodes != null && i < priceNodes.size(); i++) {
            Fields entry = top.entry("prices[" + i + "]", priceNodes.get(i));
            PriceRow row = entry == null ? null : priceRow(entry);
            if (row != null) {
                prices.add(new CatalogRules.Entry<>(i, row));
            }
        }
        JsonNode discountNodes = top.array("discounts", false);
        for (int i = 0; discountNodes != null && i < discountNodes.size(); i++) {
            Fields entry = top.entry("discounts[" + i + "]", discountNodes.get(i));
            DiscountProgramme discount = entry == null ? null : discount(entry);
            if (discount != null) {
                discounts.add(new CatalogRules.Entry<>(i, discount));
            }
        }
        @Nullable CatalogPolicy policy = null;
        JsonNode policyNode = top.object("policy");
        if (policyNode != null) {
            policy = policy(new Fields("policy", policyNode));
        }
        problems.addAll(CatalogRules.problems(source, products, prices, discounts, unreadProducts));
        // currency and policy are required: missing, each is a problem already
        if (!problems.isEmpty() || currency == null || policy == null) {
            throw new InvalidCatalogException(problems);
        }
        return new Parsed(currency, values(products), values(prices), values(discounts), policy);
    }

    private static <T> List<T> values(List<CatalogRules.Entry<T>> entries) {
        List<T> values = new ArrayList<>(entries.size());
        for (CatalogRules.Entry<T> entry : entries) {
            values.add(entry.value());
        }
        return values;
    }

    private @Nullable Currency currency(Fields top) {
        String code = top.text("currency", true);
        if (code == null) {
            return null;
        }
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        top.problem("currency", "'" + code + "' is not an ISO 4217 currency code such as EUR");
        return null;
    }

    private @Nullable Product product(Fields entry) {
        String code = entry.code("code", ProductCode.MAX_LENGTH);
        String name = entry.text("name", true);
        if (name != null && name.isBlank()) {
            entry.problem("name", "must not be blank");
        }
        Map<String, String> names = entry.names();
        Integer min = entry.integer("minSeats", 1, true);
        Integer max = entry.integer("maxSeats", 1, true);
        if (min != null && max != null && max < min) {
            entry.problem("maxSeats", "must not be below minSeats (" + min + ")");
        }
        List<Integer> trialMonths = new ArrayList<>();
        JsonNode months = entry.array("trialMonths", false);
        for (int i = 0; months != null && i < months.size(); i++) {
            JsonNode m = months.get(i);
            if (m.isIntegralNumber() && m.canConvertToInt() && m.intValue() >= 1) {
                trialMonths.add(m.intValue());
            } else {
                entry.problem("trialMonths[" + i + "]", "must be a whole number of months, at least 1");
            }
        }
        List<ProductCode> changeTo = new ArrayList<>();
        JsonNode targets = entry.array("changeTo", false);
        for (int i = 0; targets != null && i < targets.size(); i++) {
            JsonNode t = targets.get(i);
            if (t.isString() && ProductCode.isValid(t.stringValue())) {
                changeTo.add(ProductCode.of(t.stringValue()));
            } else {
                entry.problem("changeTo[" + i + "]", "must be a product code");
            }
        }
        if (entry.failed() || code == null || name == null || min == null || max == null) {
            return null;
        }
        return Product.builder()
                .code(ProductCode.of(code))
                .name(name)
                .names(names)
                .minSeats(min)
                .maxSeats(max)
                .trialMonths(trialMonths)
                .changeTo(changeTo)
                .build();
    }

    private @Nullable PriceRow priceRow(Fields entry) {
        String sku = entry.code("sku", Sku.MAX_LENGTH);
        String product = entry.code("product", ProductCode.MAX_LENGTH);
        String actionText = entry.text("action", true);
        @Nullable PriceAction action = null;
        if (actionText != null) {
            for (PriceAction candidate : PriceAction.values()) {
                if (candidate.name().equals(actionText)) {
                    action = candidate;
                }
            }
            if (action == null) {
                entry.problem("action", "'" + actionText + "' is not NEW, RENEWAL or UPGRADE");
            }
        }
        Integer years = entry.integer("years", 1, true);
        Integer min = entry.integer("minSeats", 1, true);
        Integer max = entry.integer("maxSeats", 1, true);
        if (min != null && max != null && max < min) {
            entry.problem("maxSeats", "must not be below minSeats (" + min + ")");
        }
        BigDecimal unitPrice = entry.amount("unitPrice");
        if (unitPrice != null) {
            if (unitPrice.signum() <= 0) {
                entry.problem("unitPrice", "must be positive");
            } else if (unitPrice.stripTrailingZeros().scale() > PriceRow.MAX_PRICE_PLACES) {
                entry.problem("unitPrice", "has more than " + PriceRow.MAX_PRICE_PLACES + " decimal places");
            }
        }
        if (entry.failed()
                || sku == null
                || product == null
                || action == null
                || years == null
                || min == null
                || max == null
                || unitPrice == null) {
            return null;
        }
        return PriceRow.builder()
                .sku(Sku.of(sku))
                .product(ProductCode.of(product))
                .action(action)
                .years(years)
                .minSeats(min)
                .maxSeats(max)
                .unitPrice(unitPrice)
                .build();
    }

    private @Nullable DiscountProgramme discount(Fields entry) {
        String code = entry.code("code", ProductCode.MAX_LENGTH);
        String name = entry.text("name", true);
        Map<String, String> names = entry.names();
        BigDecimal rate = entry.rate("rate", false);
        boolean eligibility = false;
        JsonNode flag = entry.node.get("eligibilityRequired");
        if (flag != null && !flag.isNull()) {
            if (flag.isBoolean()) {
                eligibility = flag.booleanValue();
            } else {
                entry.problem("eligibilityRequired", "must be true or false");
            }
        }
        if (entry.failed() || code == null || name == null || rate == null) {
            return null;
        }
        return DiscountProgramme.builder()
                .code(code)
                .name(name)
                .names(names)
                .rate(rate)
                .eligibilityRequired(eligibility)
                .build();
    }

    private @Nullable CatalogPolicy policy(Fields entry) {
        BigDecimal rate = entry.rate("crossgradeRate", false);
        BigDecimal coverage = entry.rate("crossgradeMinCoverage", true);
        Integer crossgradeDays = entry.integer("crossgradeMaxDaysExpired", 0, true);
        Integer renewalDays = entry.integer("renewalMaxDaysExpired", 0, true);
        if (entry.failed() || rate == null || coverage == null || crossgradeDays == null || renewalDays == null) {
            return null;
        }
        return new CatalogPolicy(rate, coverage, crossgradeDays, renewalDays);
    }

    /** The fields of one entry, reporting each problem with the entry's name. */
    private final class Fields {
        final String entry;
        final JsonNode node;
        private final int problemsAtStart;

        Fields(String entry, JsonNode node) {
            this.entry = entry;
            this.node = node;
            this.problemsAtStart = problems.size();
        }

        void problem(String field, String message) {
            problems.add(CatalogProblem.of(source, entry, field, message));
        }

        boolean failed() {
            return problems.size() > problemsAtStart;
        }

        @Nullable
        Fields entry(String name, JsonNode value) {
            if (!value.isObject()) {
                problems.add(CatalogProblem.of(source, name, "", "must be a JSON object"));
                return null;
            }
            return new Fields(name, value);
        }

        private @Nullable JsonNode present(String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(field, "is required");
                }
                return null;
            }
            return value;
        }

        /** The optional {@code names} object: a non-blank name per lower-case language code. */
        Map<String, String> names() {
            Map<String, String> names = new LinkedHashMap<>();
            JsonNode value = present("names", false);
            if (value == null) {
                return names;
            }
            if (!value.isObject()) {
                problem("names", "must be a JSON object of names by language code, such as {\"de\": \"...\"}");
                return names;
            }
            for (Map.Entry<String, JsonNode> name : value.properties()) {
                String language = name.getKey();
                JsonNode text = name.getValue();
                if (!language.matches("[a-z]{2,3}")) {
                    problem("names." + language, "is not a language code such as de or fr");
                } else if (!text.isString() || text.stringValue().isBlank()) {
                    problem("names." + language, "must be a non-blank name");
                } else {
                    names.put(language, text.stringValue());
                }
            }
            return names;
        }

        @Nullable
        JsonNode array(String field, boolean required) {
            JsonNode value = present(field, required);
            if (value != null && !value.isArray()) {
                problem(field, "must be a JSON array");
                return null;
            }
            return value;
        }

        @Nullable
        JsonNode object(String field) {
            JsonNode value = present(field, true);
            if (value != null && !value.isObject()) {
                problem(field, "must be a JSON object");
                return null;
            }
            return value;
        }

        @Nullable
        String text(String field, boolean required) {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isString()) {
                problem(field, "must be a string");
                return null;
            }
            return value.stringValue();
        }

        @Nullable
        String code(String field, int maxLength) {
            String text = text(field, true);
            // Sku's rule is the one rule for codes (Codes in core), bounded here by the field's own length
            if (text != null && (text.length() > maxLength || !Sku.isValid(text))) {
                problem(field, "must be 1 to " + maxLength + " characters without blanks");
                return null;
            }
            return text;
        }

        @Nullable
        Integer integer(String field, int min, boolean required) {
            JsonNode value = present(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
                problem(field, "must be a whole number, at least " + min);
                return null;
            }
            return value.intValue();
        }

        @Nullable
        BigDecimal amount(String field) {
            JsonNode value = present(field, true);
            if (value == null) {
                return null;
            }
            if (value.isNumber()) {
                problem(
                        field,
                        "is a JSON number (binary floating point): write the amount as a decimal string,"
                                + " such as \"25.10\"");
                return null;
            }
            BigDecimal amount = value.isString() ? Json.decimal(value.stringValue()) : null;
            if (amount == null) {
                problem(field, "must be a decimal string such as \"25.10\"");
            }
            return amount;
        }

        /** A share in [0, 1), or [0, 1] when {@code oneAllowed}. */
        @Nullable
        BigDecimal rate(String field, boolean oneAllowed) {
            BigDecimal rate = amount(field);
            if (rate == null) {
                return null;
            }
            int vsOne = rate.compareTo(BigDecimal.ONE);
            if (rate.signum() < 0 || vsOne > 0 || (vsOne == 0 && !oneAllowed)) {
                problem(field, "must be in [0, 1" + (oneAllowed ? "]" : ")") + ": " + rate.toPlainString());
                return null;
            }
            return rate;
        }
    }
}
