package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency CHF = Currency.getInstance("CHF");

    @Test
    void holdsAmountsAtTheCurrencysMinorUnit() {
        assertThat(Money.of("150.6", EUR).toPlainString()).isEqualTo("150.60");
        assertThat(Money.of("150", CHF).toPlainString()).isEqualTo("150.00");
        assertThat(Money.of("150", JPY).toPlainString()).isEqualTo("150");
        assertThat(Money.zero(EUR).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void refusesAnAmountThatWouldNeedRounding() {
        assertThatThrownBy(() -> Money.of("1.005", EUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 decimal places");
        assertThatThrownBy(() -> Money.of("1.5", JPY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsHalfUpOnceToTheMinorUnit() {
        assertThat(Money.rounded(new BigDecimal("112.9499999"), EUR).toPlainString())
                .isEqualTo("112.95");
        assertThat(Money.rounded(new BigDecimal("0.005"), EUR).toPlainString()).isEqualTo("0.01");
        assertThat(Money.rounded(new BigDecimal("0.0049999"), EUR).toPlainString())
                .isEqualTo("0.00");
        assertThat(Money.rounded(new BigDecimal("-0.005"), EUR).toPlainString()).isEqualTo("-0.01");
        assertThat(Money.rounded(new BigDecimal("2.5"), JPY).toPlainString()).isEqualTo("3");
    }

    @Test
    void addsExactlyAndOnlyInOneCurrency() {
        assertThat(Money.of("0.10", EUR).plus(Money.of("0.20", EUR))).isEqualTo(Money.of("0.30", EUR));
        assertThatThrownBy(() -> Money.of("1", EUR).plus(Money.of("1", CHF)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", EUR).compareTo(Money.of("1", CHF)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalAmountsAreEqualWhateverTheirWrittenScale() {
        assertThat(Money.of("5", EUR)).isEqualTo(Money.of("5.00", EUR)).hasSameHashCodeAs(Money.of("5.0", EUR));
        assertThat(Money.of("5", EUR).toString()).isEqualTo("5.00 EUR");
    }

    @Test
    void sumOfRoundedCentsIsExact() {
        qt().withFixedSeed(20261124L)
                .withExamples(1000)
                .forAll(
                        longs().between(-1_000_000_000L, 1_000_000_000L),
                        longs().between(-1_000_000_000L, 1_000_000_000L))
                .check((a, b) -> {
                    Money x = Money.of(BigDecimal.valueOf(a, 2), EUR);
                    Money y = Money.of(BigDecimal.valueOf(b, 2), EUR);
                    return x.plus(y).amount().equals(BigDecimal.valueOf(a + b, 2));
                });
    }

    @Test
    void roundingIsWithinHalfAMinorUnitAndHalfUp() {
        qt().withFixedSeed(7L)
                .withExamples(1000)
                .forAll(
                        longs().between(-10_000_000_000L, 10_000_000_000L),
                        integers().between(3, 9))
                .check((unscaled, scale) -> {
                    BigDecimal exact = BigDecimal.valueOf(unscaled, scale);
                    BigDecimal rounded = Money.rounded(exact, EUR).amount();
                    BigDecimal distance = rounded.subtract(exact).abs();
                    boolean withinHalf = distance.compareTo(new BigDecimal("0.005")) <= 0;
                    boolean tieAwayFromZero = distance.compareTo(new BigDecimal("0.005")) != 0
                            || rounded.abs().compareTo(exact.abs()) > 0;
                    return withinHalf && tieAwayFromZero && rounded.scale() == 2;
                });
    }
}
