package dev.esetshop.pricing.catalog.internal;

import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.core.ProductCode;
import dev.esetshop.pricing.catalog.CatalogPolicy;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a catalog's canonical text: entries sorted by their unique code and amounts without trailing
 * zeros, so the same content in another order or with {@code "25.1"} for {@code "25.10"} has the same fingerprint.
 */
public final class Fingerprint {

    private Fingerprint() {}

    /** The hex fingerprint. */
    public static String of(
            Currency currency,
            List<Product> products,
            List<PriceRow> prices,
            List<DiscountProgramme> discounts,
            CatalogPolicy policy) {
        List<String> lines = new ArrayList<>();
        for (Product p : products) {
            List<String> changeTo = new ArrayList<>();
            for (ProductCode code : p.changeTo()) {
                changeTo.add(code.value());
            }
            Collections.sort(changeTo);
            List<Integer> months = new ArrayList<>(p.trialMonths());
            Collections.sort(months);
            lines.add("P|" + p.code().value() + '|' + p.name() + '|' + p.minSeats() + '|' + p.maxSeats() + '|' + months
                    + '|' + changeTo);
        }
        for (PriceRow r : prices) {
            lines.add("R|" + r.sku().value() + '|' + r.product().value() + '|' + r.action() + '|' + r.years() + '|'
                    + r.minSeats() + '|' + r.maxSeats() + '|' + canonical(r.unitPrice()));
        }
        for (DiscountProgramme d : discounts) {
            lines.add("D|" + d.code() + '|' + d.name() + '|' + canonical(d.rate()) + '|' + d.eligibilityRequired());
        }
        Collections.sort(lines);
        StringBuilder text =
                new StringBuilder("C|").append(currency.getCurrencyCode()).append('\n');
        text.append("Y|")
                .append(canonical(policy.crossgradeRate()))
                .append('|')
                .append(canonical(policy.crossgradeMinCoverage()))
                .append('|')
                .append(policy.crossgradeMaxDaysExpired())
                .append('|')
                .append(policy.renewalMaxDaysExpired())
                .append('\n');
        for (String line : lines) {
            text.append(line).append('\n');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String canonical(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
