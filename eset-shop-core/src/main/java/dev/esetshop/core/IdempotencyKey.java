package dev.esetshop.core;

import org.immutables.value.Value;

/**
 * The key that makes an order call safe to repeat: ESET answers the same key with the same body with its first
 * answer, and never issues a second license. 1 to 64 characters of letters, digits and {@code - _ . :}.
 */
@Value.Immutable
public abstract class IdempotencyKey {

    /** Only the generated implementation extends it. */
    IdempotencyKey() {}

    /** The longest key ESET accepts. */
    public static final int MAX_LENGTH = 64;

    /** The key's text, sent as the {@code Idempotency-Key} header. */
    @Value.Parameter
    public abstract String value();

    /**
     * Wraps a key.
     *
     * @throws IllegalArgumentException when it is empty, longer than 64 characters or has other characters
     */
    public static IdempotencyKey of(String value) {
        return ImmutableIdempotencyKey.of(value);
    }

    @Override
    public String toString() {
        return value();
    }

    @Value.Check
    void check() {
        String value = value();
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
}
