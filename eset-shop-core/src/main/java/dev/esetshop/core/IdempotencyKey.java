package dev.esetshop.core;

import java.util.Objects;

/**
 * The key that makes an order call safe to repeat: ESET answers the same key with the same body with its first
 * answer, and never issues a second license. 1 to 64 characters of letters, digits and {@code - _ . :}.
 *
 * @param value the key's text, sent as the {@code Idempotency-Key} header
 */
public record IdempotencyKey(String value) {

    /** The longest key ESET accepts. */
    public static final int MAX_LENGTH = 64;

    /**
     * Wraps a key.
     *
     * @throws IllegalArgumentException when it is empty, longer than 64 characters or has other characters
     */
    public IdempotencyKey {
        Objects.requireNonNull(value, "idempotency key");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1 to 64 characters, not " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':';
            if (!allowed) {
                throw new IllegalArgumentException("an idempotency key may only have letters, digits and - _ . : ");
            }
        }
    }

    /** Wraps a key; see {@link #IdempotencyKey(String)}. */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
