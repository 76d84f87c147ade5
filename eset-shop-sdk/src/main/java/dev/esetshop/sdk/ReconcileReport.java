package dev.esetshop.sdk;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.sdk.internal.ImmutableReconcileReport;
import dev.esetshop.sdk.internal.InternalValue;
import java.util.List;
import org.immutables.value.Value;

/** What one {@link EsetShop#reconcile()} did with the journal's pending orders and undelivered confirmations. */
@Value.Immutable
// the shop's own code builds it: its generated class is public in the internal package, which no host reads
@InternalValue
public sealed interface ReconcileReport permits ImmutableReconcileReport {

    /** Pending orders ESET has now confirmed (their confirmations were sent again). */
    int confirmed();

    /** Pending orders ESET refused for good. */
    int rejected();

    /** Orders whose outcome is still unknown (ESET still unavailable): the next reconcile tries again. */
    List<IdempotencyKey> stillPending();

    /**
     * Confirmed orders whose confirmation had not been delivered (the shop stopped, a listener failed) and now was;
     * only confirmations older than the claim lease are delivered again.
     */
    int redelivered();

    /**
     * Confirmed orders whose confirmation still could not be delivered (a listener failed, or the license could not
     * be read): the next reconcile tries again.
     */
    List<IdempotencyKey> undelivered();

    /**
     * Orders a person must look at: kept pending because ESET's answer to a resend leaves open whether the order
     * exists (409: the key was used with another body; 403 or 404 after a first send whose outcome was unknown),
     * sent again on every reconcile; or confirmed by ESET with an order number the journal cannot record, marked and
     * never sent again. Check ESET's order history for these keys.
     */
    List<IdempotencyKey> needsAttention();

    /**
     * Entries this pass could not handle (an unreadable payload, a storage error, an unexpected failure): logged and
     * left as they were, while the pass went on with the others; the next reconcile tries them again.
     */
    List<IdempotencyKey> failed();

    /** Orders skipped because another shop holds a live claim on them (or this shop is sending them now). */
    int skipped();

    /**
     * Pending orders that were resent after the day they were quoted on: their quote no longer holds (a quote is for
     * its day, and the catalog may have changed since). They are resent all the same, because only a resend with
     * the same key tells whether ESET has the order; check the price charged for these against ESET's invoice.
     */
    List<OutdatedQuote> outdatedQuotes();

    /**
     * A pending order resent after its quote's day.
     *
     * @param key the order's idempotency key
     * @param quotedOn the day it was quoted and journaled on, in the shop's zone
     * @param sameCatalog true when today's catalog is the one it was priced from (false when it changed, or when the
     *     journal entry does not say, as entries of 0.1 do not)
     */
    record OutdatedQuote(IdempotencyKey key, java.time.LocalDate quotedOn, boolean sameCatalog) {
        /** Checks that no part is null. */
        public OutdatedQuote {
            java.util.Objects.requireNonNull(key, "key");
            java.util.Objects.requireNonNull(quotedOn, "quotedOn");
        }
    }
}
