package dev.esetshop.sdk.internal;

/** The bounds every journal adapter checks before it reads a page of entries, so they refuse the same requests. */
public final class JournalPages {

    private JournalPages() {}

    /**
     * Checks a page's offset and limit.
     *
     * @throws IllegalArgumentException when the offset is negative or the limit below 1
     */
    public static void requireValid(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, not " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
    }
}
