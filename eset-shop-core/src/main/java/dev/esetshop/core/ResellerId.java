package dev.esetshop.core;

import org.immutables.value.Value;

/**
 * The marketplace's own id of a reseller (its tenant), such as {@code ACMP-100482}: every stored row of a shared
 * database belongs to one. It is the marketplace's key, not ESET's partner id.
 */
@Value.Immutable
public abstract class ResellerId implements Comparable<ResellerId> {

    /** Only the generated implementation extends it. */
    ResellerId() {}

    /** The longest ResellerId accepted. */
    public static final int MAX_LENGTH = 64;

    /** The id as written. */
    @Value.Parameter
    public abstract String value();

    /**
     * Wraps an id.
     *
     * @param value the marketplace's id of the reseller
     * @return the id
     * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or has blanks
     */
    public static ResellerId of(String value) {
        return ImmutableResellerId.of(value);
    }

    /**
     * Tells whether {@link #of(String)} would accept the text.
     *
     * @param value the text
     * @return true when it is a valid id
     */
    public static boolean isValid(String value) {
        return Codes.isValid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(ResellerId other) {
        return value().compareTo(other.value());
    }

    @Override
    public String toString() {
        return value();
    }

    @Value.Check
    void check() {
        Codes.require("ResellerId", value(), MAX_LENGTH);
    }
}
