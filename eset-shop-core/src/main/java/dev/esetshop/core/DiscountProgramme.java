package dev.esetshop.core;

import java.math.BigDecimal;
import java.util.Map;
import org.immutables.value.Value;

/** A discount programme of the price list (GOV, EDU, STD, a promotion): a rate off the list price. */
@Value.Immutable
public abstract sealed class DiscountProgramme implements LocalizedName permits ImmutableDiscountProgramme {
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

    /** A builder; every value but the names in other languages is required. */
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

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(DiscountProgramme instance);

        /** Required. */
        Builder code(String code);

        /** Required. */
        Builder name(String name);

        /**
         * Adds a name in another language: the key a lower-case ISO 639-1 code of two or three letters ({@code de}),
         * the name not blank.
         */
        Builder putNames(String language, String name);

        /** Replaces the names in other languages added before; keys and names as for {@link #putNames}. */
        Builder names(Map<String, ? extends String> names);

        /** Required; in [0, 1). */
        Builder rate(BigDecimal rate);

        /** Required. */
        Builder eligibilityRequired(boolean eligibilityRequired);

        /**
         * Builds the programme; throws {@link IllegalStateException} when a required value is missing and
         * {@link IllegalArgumentException} when a rule is broken.
         */
        DiscountProgramme build();
    }
}
