package dev.esetshop.core.error;

import java.util.Objects;

/**
 * One inconsistency of a catalog: where it is (file, entry, field) and what is wrong.
 *
 * @param source the catalog's source, a file name or {@code classpath:...}
 * @param entry the entry, such as {@code prices[12]} or {@code products[EAVB]}; empty text for the whole document
 * @param field the field of the entry, such as {@code maxSeats}; empty text for the whole entry
 * @param message what is wrong, in English
 */
public record CatalogProblem(String source, String entry, String field, String message) {

    /** A problem. */
    public CatalogProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** A problem; see {@link #CatalogProblem(String, String, String, String)}. */
    public static CatalogProblem of(String source, String entry, String field, String message) {
        return new CatalogProblem(source, entry, field, message);
    }

    /** One line: {@code catalog.json: prices[12].maxSeats: bands overlap with prices[11]}. */
    public String describe() {
        String where = entry.isEmpty() ? field : field.isEmpty() ? entry : entry + "." + field;
        return source + (where.isEmpty() ? "" : ": " + where) + ": " + message;
    }
}
