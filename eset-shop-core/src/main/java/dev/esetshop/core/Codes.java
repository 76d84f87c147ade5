package dev.esetshop.core;

/** The one rule for short identifiers (product codes, SKUs, license ids): printable, no blanks, bounded. */
final class Codes {

    private Codes() {}

    static String require(String kind, String value, int maxLength) {
        if (value == null) {
            throw new NullPointerException(kind);
        }
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(kind + " must have 1 to " + maxLength + " characters: '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(
                        kind + " must not contain blanks or control characters: '" + value + "'");
            }
        }
        return value;
    }

    static boolean isValid(String value, int maxLength) {
        try {
            require("code", value, maxLength);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
