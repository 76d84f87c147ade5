package dev.esetshop.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in a currency, always held at the currency's minor unit (2 places for EUR and CHF, 0 for JPY).
 *
 * <p>Amounts are rounded half-up exactly once, when they are made from an exact value with
 * {@link #rounded(BigDecimal, Currency)}; {@link #of(BigDecimal, Currency)} refuses an amount that would need
 * rounding, so no rounding happens by accident. Sums of rounded amounts stay exact.
 *
 * @param amount the amount, with exactly {@link #minorDigits(Currency)} decimal places
 * @param currency the currency the amount is in
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /**
     * An amount exactly at the currency's minor unit; the factories below make one from any amount.
     *
     * @throws IllegalArgumentException when the amount's scale is not the currency's minor digits
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() != minorDigits(currency)) {
            throw new IllegalArgumentException("amount " + amount + " is not at the minor unit of " + currency);
        }
    }

    /**
     * An amount that is already at the currency's minor unit ({@code 150.6} or {@code 150.60} for EUR).
     *
     * @throws IllegalArgumentException when the amount has more decimal places than the currency allows
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = minorDigits(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more than " + digits + " decimal places for " + currency);
        }
        return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency);
    }

    /** Parses a decimal string such as {@code "150.60"}; see {@link #of(BigDecimal, Currency)}. */
    public static Money of(String amount, Currency currency) {
        return of(new BigDecimal(amount), currency);
    }

    /** Rounds an exact value half-up to the currency's minor unit: the one rounding an amount gets. */
    public static Money rounded(BigDecimal exact, Currency currency) {
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(currency, "currency");
        return new Money(exact.setScale(minorDigits(currency), RoundingMode.HALF_UP), currency);
    }

    /**
     * Rounds the exact fraction {@code dividend / divisor} half-up to the currency's minor unit, without rounding the
     * fraction first: a prorated amount such as {@code unit × seats × days / 365} gets its one rounding here, so a
     * value that is exactly half a cent is never pushed below the half by an earlier, finite division.
     *
     * @throws ArithmeticException when the divisor is zero
     */
    public static Money roundedQuotient(BigDecimal dividend, BigDecimal divisor, Currency currency) {
        Objects.requireNonNull(dividend, "dividend");
        Objects.requireNonNull(divisor, "divisor");
        Objects.requireNonNull(currency, "currency");
        return new Money(dividend.divide(divisor, minorDigits(currency), RoundingMode.HALF_UP), currency);
    }

    /** Zero in the currency, at its minor unit ({@code 0.00} for EUR). */
    public static Money zero(Currency currency) {
        return rounded(BigDecimal.ZERO, currency);
    }

    /** The number of decimal places of the currency's minor unit; currencies without one are taken as 0. */
    public static int minorDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The exact sum; both amounts must be in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount().add(other.amount()), currency());
    }

    /** True when the amount is below zero. */
    public boolean isNegative() {
        return amount().signum() < 0;
    }

    /** True when the amount is zero. */
    public boolean isZero() {
        return amount().signum() == 0;
    }

    /** Orders amounts of the same currency; amounts of different currencies cannot be compared. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount().compareTo(other.amount());
    }

    /** The amount as a plain decimal string with exactly the currency's minor digits, e.g. {@code "150.60"}. */
    public String toPlainString() {
        return amount().toPlainString();
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency().getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency().equals(other.currency())) {
            throw new IllegalArgumentException("cannot combine " + this + " and " + other);
        }
    }
}
