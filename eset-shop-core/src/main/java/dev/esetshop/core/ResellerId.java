package dev.esetshop.core;

/**
 * The marketplace's own id of a reseller (its tenant), such as {@code ACMP-100482}: every stored row of a shared
 * database belongs to one. It is the marketplace's key, not ESET's partner id.
 */
public record ResellerId(String value) implements Code<ResellerId> {

    /** The longest ResellerId accepted. */
    public static final int MAX_LENGTH = 64;

    /**
     * Wraps an id.
     *
     * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or has blanks
     */
    public ResellerId {
        Codes.require("ResellerId", value, MAX_LENGTH);
    }

    /** Wraps an id; see {@link #ResellerId(String)}. */
    public static ResellerId of(String value) {
        return new ResellerId(value);
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
