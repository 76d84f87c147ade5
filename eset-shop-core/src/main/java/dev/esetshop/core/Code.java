package dev.esetshop.core;

/**
 * A short identifier of the shop (a license id, a product code, a SKU, a reseller id): its text as written, 1 to its
 * type's {@code MAX_LENGTH} printable characters without blanks, ordered and printed as that text.
 *
 * @param <C> the code's own type, so only codes of one kind compare
 */
public sealed interface Code<C extends Code<C>> extends Comparable<C> permits LicenseId, ProductCode, ResellerId, Sku {

    /** The code as written. */
    String value();

    @Override
    default int compareTo(C other) {
        return value().compareTo(other.value());
    }
}
