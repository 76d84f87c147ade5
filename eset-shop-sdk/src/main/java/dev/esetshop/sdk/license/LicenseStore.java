package dev.esetshop.sdk.license;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The license book's storage port: the licenses synced from ESET and the sync cursor. The SDK ships an in-memory
 * and a JDBC adapter (H2, PostgreSQL); a marketplace may plug in its own. Implementations are thread-safe.
 */
public interface LicenseStore {

    /**
     * Stores one page of a sync and the cursor to resume after it, atomically: after a crash the store holds either
     * the page and the new cursor, or neither.
     *
     * @return how many licenses of the page were added, changed or already stored unchanged
     */
    PageOutcome storePage(List<License> licenses, SyncCursor cursorAfterPage);

    /** The license with this id. */
    Optional<License> find(LicenseId id);

    /** The licenses matching the query, sorted by expiration ascending, then by id. */
    List<License> query(LicenseQuery query);

    /** Every stored license in id order, one at a time, without loading them all (for reports). */
    void forEach(Consumer<License> action);

    /** How many licenses are stored. */
    long count();

    /** The sync cursor, empty before the first page was stored. */
    Optional<SyncCursor> cursor();

    /**
     * Binds the store to the ESET partner whose licenses it keeps, on first use, and refuses another partner after:
     * one store per reseller. The default does not check (a store of the host's own that keeps one reseller).
     *
     * @throws dev.esetshop.core.error.PartnerMismatchException when the store belongs to another partner
     */
    default void bindPartner(String partnerId) {}

    /**
     * The license to store in place of {@code stored}: ESET's license list carries no order number, so a license
     * without one keeps the number the book has. Stores call it for a license the book already has, so a sync never
     * forgets an order number; a license the book does not have yet needs no call.
     */
    static License keepingOrderNumber(License incoming, License stored) {
        if (incoming.orderNumber().isPresent() || stored.orderNumber().isEmpty()) {
            return incoming;
        }
        return License.builder()
                .from(incoming)
                .orderNumber(stored.orderNumber().get())
                .build();
    }

    /** Counts of one stored page. */
    record PageOutcome(int added, int changed, int unchanged) {
        /** The sum of two outcomes. */
        public PageOutcome plus(PageOutcome other) {
            return new PageOutcome(added + other.added, changed + other.changed, unchanged + other.unchanged);
        }
    }
}
