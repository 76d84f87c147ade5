package dev.esetshop.core;

import java.math.BigDecimal;
import java.util.Map;
import org.immutables.value.Value;

/** A discount programme of the price list (GOV, EDU, STD, a promotion): a rate off the list price. */
@Value.Immutable
public abstract class DiscountProgramme implements LocalizedName {
    /** Only the generated implementation extends it. */
    DiscountProgramme() {}

    /** The programme's code, such as {@code GOV}. */
    public abstract String code();

    /** The programme's name for screens: the name for a language {@link #names()} lacks. */
    @Override
    public abstract String name();

    /**
     * The name in other languages, keyed by ISO 639-1 code in lower case ({@code de}, {@code fr}); empty when the
     * catalog gives only {@link #name()}.
     */
    @Override
    public abstract Map<String, String> names();

    /** The share taken off the list price, in [0, 1). */
    public abstract BigDecimal rate();

    /** True when an order under the programme needs an eligibility code (the proof of entitlement). */
    public abstract boolean eligibilityRequired();

    /** A builder. */
    public static Builder builder() {
        return ImmutableDiscountProgramme.builder();
    }

    @Value.Check
    void check() {
        LocalizedName.requireLanguageCodes(code().toString(), names());
        if (rate().signum() < 0 || rate().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("discount rate of " + code() + " must be in [0, 1): " + rate());
        }
    }

    /** Collects the values of a {@link DiscountProgramme}; {@link #build()} checks them. */
    public interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(DiscountProgramme instance);

        /**
         * Sets {@link DiscountProgramme#code()}.
         *
         * @param code the value
         * @return this builder
         */
        Builder code(String code);

        /**
         * Sets {@link DiscountProgramme#name()}.
         *
         * @param name the value
         * @return this builder
         */
        Builder name(String name);

        /**
         * Adds a name to {@link DiscountProgramme#names()}.
         *
         * @param language the ISO 639-1 code in lower case, such as {@code de}
         * @param name the name in that language
         * @return this builder
         */
        Builder putNames(String language, String name);

        /**
         * Sets {@link DiscountProgramme#names()}, replacing the names added before.
         *
         * @param names the names by language code
         * @return this builder
         */
        Builder names(Map<String, ? extends String> names);

        /**
         * Sets {@link DiscountProgramme#rate()}.
         *
         * @param rate the value
         * @return this builder
         */
        Builder rate(BigDecimal rate);

        /**
         * Sets {@link DiscountProgramme#eligibilityRequired()}.
         *
         * @param eligibilityRequired the value
         * @return this builder
         */
        Builder eligibilityRequired(boolean eligibilityRequired);

        /**
         * Builds the value.
         *
         * @return the DiscountProgramme
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        DiscountProgramme build();
    }
}
