package dev.esetshop.core;

import org.immutables.value.Value;

/** A product's short code in the catalog and at ESET, such as {@code EAVB}. */
@Value.Immutable
public abstract class ProductCode implements Comparable<ProductCode> {

    /** Only the generated implementation extends it. */
    ProductCode() {}

    /** The longest ProductCode accepted. */
    public static final int MAX_LENGTH = 32;

    /** The code as written. */
    @Value.Parameter
    public abstract String value();

    /**
     * Wraps a code.
     *
     * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or has blanks
     */
    public static ProductCode of(String value) {
        return ImmutableProductCode.of(value);
    }

    /** True when {@link #of(String)} would accept the text. */
    public static boolean isValid(String value) {
        return Codes.isValid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(ProductCode other) {
        return value().compareTo(other.value());
    }

    @Override
    public String toString() {
        return value();
    }

    @Value.Check
    void check() {
        Codes.require("ProductCode", value(), MAX_LENGTH);
    }
}
