package dev.esetshop.core;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A value from a list that ESET may extend: the known values are constants, an unknown one is kept with its raw
 * text instead of failing, so an SDK older than ESET's API still reads every record.
 *
 * @param <E> the known values
 */
public abstract class OpenEnum<E extends Enum<E>> {

    private final String raw;
    private final @Nullable E known;

    OpenEnum(String raw, @Nullable E known) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.known = known;
    }

    /** The text as ESET sent it (or the known constant's name). */
    public final String raw() {
        return raw;
    }

    /** The known constant, or empty when this SDK does not know the value yet. */
    public final java.util.Optional<E> known() {
        return java.util.Optional.ofNullable(known);
    }

    /** True when this SDK knows the value. */
    public final boolean isKnown() {
        return known != null;
    }

    @Override
    public final boolean equals(@Nullable Object other) {
        return other != null
                && other.getClass() == getClass()
                && normalize(raw).equals(normalize(((OpenEnum<?>) other).raw));
    }

    @Override
    public final int hashCode() {
        return normalize(raw).hashCode();
    }

    @Override
    public final String toString() {
        return raw;
    }

    static String normalize(String raw) {
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    static <T> T parse(String raw, Map<String, T> knownByName, Function<String, T> unknown) {
        Objects.requireNonNull(raw, "raw");
        T known = knownByName.get(normalize(raw));
        return known != null ? known : unknown.apply(raw);
    }
}
