package dev.esetshop.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.PriceRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The trace's prorated list price from long arithmetic is the {@code BigDecimal} division by 365 to 34 digits, value
 * and scale ({@code equals}, not only {@code compareTo}): for every remainder modulo 365 (so every exact quotient,
 * those ending in one more place and all that do not end), fractions below one, unit prices of every scale, and
 * dividends at the edge of a long, where the division is the JDK's again.
 */
class ProrationTest {

    private static final long SEED = 20_261_207L;

    private static BigDecimal expected(BigDecimal unit, long units) {
        return unit.multiply(BigDecimal.valueOf(units)).divide(Proration.DAYS_PER_YEAR, MathContext.DECIMAL128);
    }

    private static void check(BigDecimal unit, long units) {
        BigDecimal expected = expected(unit, units);
        BigDecimal actual = Proration.listPrice(unit, units);
        assertThat(actual).as("%s × %d / 365", unit, units).isEqualTo(expected);
        assertThat(actual.scale()).as("scale of %s × %d / 365", unit, units).isEqualTo(expected.scale());
    }

    private static Set<BigDecimal> samplePrices() {
        Set<BigDecimal> prices = new LinkedHashSet<>();
        for (PriceRow row : Catalog.sample().prices()) {
            prices.add(row.unitPrice());
        }
        return prices;
    }

    @Test
    void everySampleUnitPriceForEveryRemainderAndThousandsOfSeatDays() {
        int checked = 0;
        for (BigDecimal unit : samplePrices()) {
            for (long units = 1; units <= 3 * 365; units++) {
                check(unit, units);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void unitPricesOfEveryScaleAndFractionsBelowOne() {
        List<BigDecimal> units = List.of(
                new BigDecimal("0.01"),
                new BigDecimal("0.0001"),
                new BigDecimal("1"),
                new BigDecimal("25"),
                new BigDecimal("2.5E+1"),
                new BigDecimal("1E+3"),
                new BigDecimal("23.725"),
                new BigDecimal("25.10"),
                new BigDecimal("25.100"),
                new BigDecimal("999999.99"),
                new BigDecimal("0.3650"),
                new BigDecimal("7.3"),
                new BigDecimal("73"),
                new BigDecimal("365"));
        for (BigDecimal unit : units) {
            for (long seatDays = 1; seatDays <= 2 * 365; seatDays++) {
                check(unit, seatDays);
            }
        }
    }

    @Test
    void randomSeatsAndDaysUpToTenYearsOfAThousandSeats() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<BigDecimal> prices = new ArrayList<>(samplePrices());
        for (int i = 0; i < 200_000; i++) {
            BigDecimal unit = random.nextInt(4) == 0
                    ? BigDecimal.valueOf(random.nextLong(1, 100_000_000L), random.nextInt(-2, 7))
                    : prices.get(random.nextInt(prices.size()));
            check(unit, random.nextLong(1, 1000L * 3650));
        }
    }

    @Test
    void dividendsAtTheEdgeOfALongAndBeyond() {
        check(new BigDecimal("9223372036854775807"), 1);
        check(new BigDecimal("922337203685477580.7"), 3);
        check(new BigDecimal("92233720368547758.07"), 100);
        check(new BigDecimal("4611686018427387904"), 2);
        check(new BigDecimal("12345678901234567890.12"), 365);
        check(new BigDecimal("25.10"), Long.MAX_VALUE / 2510);
        check(new BigDecimal("25.10"), Long.MAX_VALUE / 2510 + 1);
        check(new BigDecimal("25.10"), Long.MAX_VALUE);
        long nearLimit = Long.MAX_VALUE / 365 * 365;
        check(BigDecimal.ONE, nearLimit);
        check(BigDecimal.ONE, nearLimit - 73);
        check(BigDecimal.ONE, nearLimit - 1);
        check(BigDecimal.ONE, Long.MAX_VALUE);
    }

    @Test
    void theFactorIsTheDivisionOfTheDays() {
        for (long days = 0; days <= 4000; days++) {
            assertThat(Proration.factor(days))
                    .isEqualTo(BigDecimal.valueOf(days).divide(Proration.DAYS_PER_YEAR, MathContext.DECIMAL128));
        }
    }
}
