package dev.esetshop.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.PriceAction;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every prorated extension line is the exact fraction {@code unit × seats × (1 − d) × (1 − m) × days / 365} rounded
 * half-up once, checked against integer arithmetic (no BigDecimal division) for every day from 1 to 1,095 and every
 * band of the sample catalog, at its lowest and highest seat count, under each discount programme and several
 * margins. A factor rounded before the multiplication misses about one line in two thousand by a cent.
 */
class ProrationExactnessTest {

    private static final Catalog CATALOG = SampleCatalog.catalog();
    private static final Pricing PRICING = Pricing.of(CATALOG);
    private static final LocalDate TODAY = LocalDate.of(2021, 6, 3);
    private static final List<String> MARGINS = List.of("0", "0.25", "0.175", "0.333");

    /** Half-up rounding of {@code value / 365} to cents, in integers only. */
    private static BigDecimal exactCents(BigDecimal value) {
        BigInteger scaled = value.unscaledValue().multiply(BigInteger.valueOf(100));
        BigInteger denominator = BigInteger.TEN.pow(Math.max(0, value.scale())).multiply(BigInteger.valueOf(365));
        if (value.scale() < 0) {
            scaled = scaled.multiply(BigInteger.TEN.pow(-value.scale()));
        }
        BigInteger[] qr = scaled.divideAndRemainder(denominator);
        BigInteger cents = qr[1].shiftLeft(1).compareTo(denominator) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return new BigDecimal(cents, 2);
    }

    @Test
    void everyProratedLineIsTheExactFractionRoundedOnce() {
        List<Optional<DiscountProgramme>> programmes = new ArrayList<>();
        programmes.add(Optional.empty());
        CATALOG.discounts().forEach(d -> programmes.add(Optional.of(d)));
        int lines = 0;
        int variant = 0;
        for (PriceRow row : CATALOG.prices()) {
            if (row.action() != PriceAction.NEW || row.years() != 1) {
                continue;
            }
            Product product = CATALOG.product(row.product().value()).orElseThrow();
            for (int s1 : new int[] {row.minSeats(), row.maxSeats()}) {
                int s0 = Math.max(product.minSeats(), s1 - 7);
                if (s1 <= s0 || s1 > product.maxSeats()) {
                    continue;
                }
                for (long days = 1; days <= 1095; days++) {
                    // every combination of programme and margin comes round, one per (band, seats, day)
                    Optional<DiscountProgramme> programme = programmes.get(variant % programmes.size());
                    String margin = MARGINS.get((variant / programmes.size()) % MARGINS.size());
                    variant++;
                    CurrentLicense.Builder license = CurrentLicense.builder()
                            .product(row.product().value())
                            .seats(s0)
                            .expires(TODAY.plusDays(days));
                    programme.ifPresent(p -> license.discount(p.code()));
                    QuoteResult result = PRICING.quote(
                            RenewalRequest.builder()
                                    .license(license.build())
                                    .seats(s1)
                                    .years(0)
                                    .build(),
                            QuoteContext.of(TODAY, new BigDecimal(margin)));
                    assertThat(result)
                            .as("%s %d→%d, %d days", row.sku(), s0, s1, days)
                            .isInstanceOf(QuoteResult.Accepted.class);
                    QuoteLine line =
                            ((QuoteResult.Accepted) result).quote().lines().get(0);
                    BigDecimal rest = BigDecimal.ONE.subtract(
                            programme.map(DiscountProgramme::rate).orElse(BigDecimal.ZERO));
                    BigDecimal street = row.unitPrice()
                            .multiply(BigDecimal.valueOf((long) (s1 - s0) * days))
                            .multiply(rest);
                    BigDecimal yours = street.multiply(BigDecimal.ONE.subtract(new BigDecimal(margin)));
                    assertThat(line.kind()).isEqualTo(QuoteLine.Kind.EXTENSION);
                    assertThat(line.trace().prorationDays()).contains(days);
                    assertThat(line.streetPrice().amount())
                            .as(
                                    "street of %s %d→%d, %d days, %s",
                                    row.sku(),
                                    s0,
                                    s1,
                                    days,
                                    programme.map(DiscountProgramme::code).orElse("no programme"))
                            .isEqualTo(exactCents(street));
                    assertThat(line.yourPrice().amount())
                            .as(
                                    "your price of %s %d→%d, %d days, %s, margin %s",
                                    row.sku(),
                                    s0,
                                    s1,
                                    days,
                                    programme.map(DiscountProgramme::code).orElse("no programme"),
                                    margin)
                            .isEqualTo(exactCents(yours));
                    lines++;
                }
            }
        }
        assertThat(lines).as("prorated lines checked").isGreaterThan(40_000);
    }

    @Test
    void theIssueExampleRoundsUpTheExactHalfCent() {
        // 7 × 23.725 × 699 / 365 = 318.045 exactly
        QuoteResult result = PRICING.quote(
                RenewalRequest.builder()
                        .license(CurrentLicense.builder()
                                .product("EESB")
                                .seats(45)
                                .expires(LocalDate.of(2023, 5, 3))
                                .build())
                        .seats(52)
                        .years(1)
                        .build(),
                QuoteContext.of(TODAY, BigDecimal.ZERO));
        QuoteLine extension = ((QuoteResult.Accepted) result).quote().lines().get(1);
        assertThat(extension.trace().prorationDays()).contains(699L);
        assertThat(extension.streetPrice().amount()).isEqualByComparingTo("318.05");
    }
}
