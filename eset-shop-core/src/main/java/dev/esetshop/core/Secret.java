package dev.esetshop.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, token or license key: its text is only given out by {@link #reveal()}, never by {@link #toString()},
 * so a secret that ends up in a log line, an exception or a debugger's view shows as {@code ******}.
 */
public final class Secret {

    private static final String REDACTED = "******";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret text.
     *
     * @throws IllegalArgumentException when the text is empty (an empty secret is always a mistake)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value);
    }

    /** The secret text: call it only where the secret must go on the wire or to the end customer. */
    public String reveal() {
        return value;
    }

    /**
     * The secret masked with {@code *} but for its last {@code visible} characters, for screens that show a hint;
     * never more than a quarter of the secret is shown, whatever {@code visible} asks.
     */
    public String masked(int visible) {
        int shown = Math.max(0, Math.min(visible, value.length() / 4));
        return "*".repeat(value.length() - shown) + value.substring(value.length() - shown);
    }

    /** Compares in constant time, so a comparison does not leak how much of a secret matched. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
