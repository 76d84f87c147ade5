package dev.esetshop.core;

/** A product's short code in the catalog and at ESET, such as {@code EAVB}. */
public record ProductCode(String value) implements Code<ProductCode> {

    /** The longest ProductCode accepted. */
    public static final int MAX_LENGTH = 32;

    /**
     * Wraps a code.
     *
     * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or has blanks
     */
    public ProductCode {
        Codes.require("ProductCode", value, MAX_LENGTH);
    }

    /** Wraps a code; see {@link #ProductCode(String)}. */
    public static ProductCode of(String value) {
        return new ProductCode(value);
    }

    /** True when {@link #of(String)} would accept the text. */
    public static boolean isValid(String value) {
        return Codes.isValid(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
