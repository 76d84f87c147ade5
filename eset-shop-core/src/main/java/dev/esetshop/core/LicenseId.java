package dev.esetshop.core;

import org.immutables.value.Value;

/** ESET's public license id, such as {@code 3AB-7KQ-XD2}. */
@Value.Immutable
public abstract class LicenseId implements Comparable<LicenseId> {

    /** Only the generated implementation extends it. */
    LicenseId() {}

    /** The longest LicenseId accepted. */
    public static final int MAX_LENGTH = 64;

    /** The code as written. */
    @Value.Parameter
    public abstract String value();

    /**
     * Wraps a code.
     *
     * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or has blanks
     */
    public static LicenseId of(String value) {
        return ImmutableLicenseId.of(value);
    }

    /** True when {@link #of(String)} would accept the text. */
    public static boolean isValid(String value) {
        return Codes.isValid(value, MAX_LENGTH);
    }

    @Override
    public int compareTo(LicenseId other) {
        return value().compareTo(other.value());
    }

    @Override
    public String toString() {
        return value();
    }

    @Value.Check
    void check() {
        Codes.require("LicenseId", value(), MAX_LENGTH);
    }
}
