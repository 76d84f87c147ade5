package dev.esetshop.core;

import org.immutables.value.Value;

/** A stock-keeping unit of the distributor's price list, such as {@code EAVB-N1B5}; SKUs are data, never computed. */
@Value.Immutable
public abstract class Sku implements Comparable<Sku> {

    /** Only the generated implementation extends it. */
    Sku() {}

    /** The longest Sku accepted. */
    public static final int MAX_LENGTH = 64;

    /** The code as written. */
    @Value.Parameter
    public abstract String value();

    /**
     * Wraps a code.
     *
     * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or has blanks
     */
    public static Sku of(String value) {
        return ImmutableSku.of(value);
    }

    /** True when {@link #of(String)} would accept the text. */
    public static boolean isValid(String value) {
        return Codes.isValid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(Sku other) {
        return value().compareTo(other.value());
    }

    @Override
    public String toString() {
        return value();
    }

    @Value.Check
    void check() {
        Codes.require("Sku", value(), MAX_LENGTH);
    }
}
