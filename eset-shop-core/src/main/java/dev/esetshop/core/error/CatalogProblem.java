package dev.esetshop.core.error;

import org.immutables.value.Value;

/** One inconsistency of a catalog: where it is (file, entry, field) and what is wrong. */
@Value.Immutable
public interface CatalogProblem {

    /** The catalog's source, a file name or {@code classpath:...}. */
    String source();

    /** The entry, such as {@code prices[12]} or {@code products[EAVB]}; empty text for the whole document. */
    String entry();

    /** The field of the entry, such as {@code maxSeats}. */
    String field();

    /** What is wrong, in English. */
    String message();

    /** A problem. */
    static CatalogProblem of(String source, String entry, String field, String message) {
        return ImmutableCatalogProblem.builder()
                .source(source)
                .entry(entry)
                .field(field)
                .message(message)
                .build();
    }

    /** One line: {@code catalog.json: prices[12].maxSeats: bands overlap with prices[11]}. */
    default String describe() {
        String where = entry().isEmpty() ? field() : field().isEmpty() ? entry() : entry() + "." + field();
        return source() + (where.isEmpty() ? "" : ": " + where) + ": " + message();
    }
}
