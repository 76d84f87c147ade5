package dev.esetshop.core;

/** A stock-keeping unit of the distributor's price list, such as {@code EAVB-N1B5}; SKUs are data, never computed. */
public record Sku(String value) implements Code<Sku> {

    /** The longest Sku accepted. */
    public static final int MAX_LENGTH = 64;

    /**
     * Wraps a code.
     *
     * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or has blanks
     */
    public Sku {
        Codes.require("Sku", value, MAX_LENGTH);
    }

    /** Wraps a code; see {@link #Sku(String)}. */
    public static Sku of(String value) {
        return new Sku(value);
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
