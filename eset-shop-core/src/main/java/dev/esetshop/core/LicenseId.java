package dev.esetshop.core;

/** ESET's public license id, such as {@code 3AB-7KQ-XD2}. */
public record LicenseId(String value) implements Code<LicenseId> {

    /** The longest LicenseId accepted. */
    public static final int MAX_LENGTH = 64;

    /**
     * Wraps a code.
     *
     * @throws IllegalArgumentException when it is empty, longer than {@link #MAX_LENGTH} or has blanks
     */
    public LicenseId {
        Codes.require("LicenseId", value, MAX_LENGTH);
    }

    /** Wraps a code; see {@link #LicenseId(String)}. */
    public static LicenseId of(String value) {
        return new LicenseId(value);
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
