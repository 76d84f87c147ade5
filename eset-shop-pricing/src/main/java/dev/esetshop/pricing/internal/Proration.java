package dev.esetshop.pricing.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The proration of an extension line by {@code days / 365}, for its rule trace. Amounts never go through these
 * values: each is the exact fraction rounded once by {@code Money.roundedQuotient}; the trace shows the factor and
 * the list price as {@link MathContext#DECIMAL128} quotients.
 *
 * <p>{@link #listPrice} was on the hot path of every extension quote (the trace now makes it when read), and
 * {@code BigDecimal.divide} with a
 * {@code MathContext} scales the dividend to 34 digits as a {@code BigInteger} and divides that: it cost more than the
 * rest of the line. The divisor is always 365, so the same 34 digits come from a few {@code long} divisions; the
 * value and scale are those of the {@code BigDecimal} division, which is still taken where the long arithmetic
 * does not reach.
 */
public final class Proration {

    /** The days of the year that prorate an extension line. */
    static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private static final long DAYS = 365;

    /** The digits of a {@link MathContext#DECIMAL128} quotient. */
    private static final int DIGITS = MathContext.DECIMAL128.getPrecision();

    /** 10^i for i up to 18, the largest power of ten of a long. */
    private static final long[] TEN_POWERS = new long[19];

    /** 10^33, the least number of 34 digits. */
    private static final BigInteger LEAST_FULL = BigInteger.TEN.pow(DIGITS - 1);

    /** 10^34, the least number of 35 digits. */
    private static final BigInteger TOO_LONG = BigInteger.TEN.pow(DIGITS);

    /** The days of ten years: the factors of shorter prorations are kept once made. */
    private static final int KEPT_DAYS = 3651;

    /**
     * Factors made on first use. BigDecimal is immutable, so a racing thread at worst computes the same factor
     * again.
     */
    private static final BigDecimal[] FACTORS = new BigDecimal[KEPT_DAYS];

    static {
        TEN_POWERS[0] = 1;
        for (int i = 1; i < TEN_POWERS.length; i++) {
            TEN_POWERS[i] = TEN_POWERS[i - 1] * 10;
        }
    }

    private Proration() {}

    /** The factor {@code days / 365} to 34 significant digits, as the trace shows it. */
    public static BigDecimal factor(long days) {
        if (days < 0 || days >= KEPT_DAYS) {
            return BigDecimal.valueOf(days).divide(DAYS_PER_YEAR, MathContext.DECIMAL128);
        }
        int index = (int) days;
        BigDecimal factor = FACTORS[index];
        if (factor == null) {
            factor = BigDecimal.valueOf(days).divide(DAYS_PER_YEAR, MathContext.DECIMAL128);
            FACTORS[index] = factor;
        }
        return factor;
    }

    /**
     * {@code unit × units / 365} to 34 significant digits: equal, value and scale, to
     * {@code unit.multiply(BigDecimal.valueOf(units)).divide(DAYS_PER_YEAR, MathContext.DECIMAL128)}.
     *
     * @param unit the unit price
     * @param units seats times days
     */
    public static BigDecimal listPrice(BigDecimal unit, long units) {
        int scale = unit.scale();
        // the unit price's digits without its decimal point: an unscaled value that fits a long
        long digits = unit.precision() <= 18 ? unit.movePointRight(scale).longValue() : -1;
        long dividend = digits * units;
        if (digits <= 0 || units <= 0 || Math.multiplyHigh(digits, units) != 0 || dividend < 0) {
            return unit.multiply(BigDecimal.valueOf(units)).divide(DAYS_PER_YEAR, MathContext.DECIMAL128);
        }
        return quotient(dividend, scale);
    }

    /** {@code dividend × 10^-scale / 365} for a positive dividend, as {@code BigDecimal.divide} with DECIMAL128. */
    static BigDecimal quotient(long dividend, int scale) {
        long whole = dividend / DAYS;
        long rest = dividend % DAYS;
        if (rest == 0) {
            // exact, at the preferred scale: the dividend's
            return BigDecimal.valueOf(whole, scale);
        }
        if (rest % 73 == 0 && whole < Long.MAX_VALUE / 10) {
            // 365 = 5 × 73: the fraction is k / 5 = 0.2k, exact with one more place, whose digit is not 0
            return BigDecimal.valueOf(whole * 10 + rest / 73 * 2, scale + 1);
        }
        // the quotient does not end: 34 significant digits, long division by 365 continued past the point
        long high = 0;
        long low = whole;
        int significant = whole == 0 ? 0 : digitCount(whole);
        int places = 0;
        while (significant < DIGITS) {
            int step = Math.min(DIGITS - significant, 16);
            long scaled = rest * TEN_POWERS[step];
            long next = scaled / DAYS;
            rest = scaled % DAYS;
            places += step;
            if (high == 0 && low == 0) {
                // still before the first significant digit: the leading zeros of the fraction do not count
                significant = next == 0 ? 0 : digitCount(next);
                if (next == 0) {
                    continue;
                }
                low = next;
                continue;
            }
            // (high, low) × 10^step + next, unsigned 128-bit
            long factor = TEN_POWERS[step];
            long lowProduct = low * factor;
            long highProduct = high * factor + unsignedMultiplyHigh(low, factor);
            long sum = lowProduct + next;
            if (Long.compareUnsigned(sum, lowProduct) < 0) {
                highProduct++;
            }
            high = highProduct;
            low = sum;
            significant += step;
        }
        // the one rounding: 365 is odd, so a remainder is never exactly half and HALF_EVEN is HALF_UP
        if (rest * 2 > DAYS) {
            low++;
            if (low == 0) {
                high++;
            }
        }
        BigInteger unscaled = unsigned(high, low);
        if (unscaled.compareTo(LEAST_FULL) < 0 || unscaled.compareTo(TOO_LONG) >= 0) {
            // not 34 digits: a case the long arithmetic above does not expect; the JDK decides
            return BigDecimal.valueOf(dividend, scale).divide(DAYS_PER_YEAR, MathContext.DECIMAL128);
        }
        return new BigDecimal(unscaled, scale + places);
    }

    private static int digitCount(long positive) {
        int count = 1;
        while (count < TEN_POWERS.length && positive >= TEN_POWERS[count]) {
            count++;
        }
        return count;
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    private static BigInteger unsigned(long high, long low) {
        byte[] magnitude = new byte[16];
        for (int i = 0; i < 8; i++) {
            magnitude[7 - i] = (byte) (high >>> (8 * i));
            magnitude[15 - i] = (byte) (low >>> (8 * i));
        }
        return new BigInteger(1, magnitude);
    }
}
