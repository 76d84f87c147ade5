package dev.esetshop.sdk.order;

import dev.esetshop.core.IdempotencyKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The order journal port that makes orders exactly-once: an entry is written {@code PENDING} with its idempotency key
 * before ESET is called, and settled {@code CONFIRMED} or {@code REJECTED} after. Entries are claimed before they
 * are sent, so two shops sharing one journal never send the same entry at the same time. The SDK ships an
 * in-memory and a JDBC adapter (H2, PostgreSQL). Implementations are thread-safe.
 *
 * <p>A confirmed entry also records whether its {@code OrderConfirmed} event was delivered: the SDK marks it
 * {@linkplain #markDelivered delivered} only after every confirmation listener returned, so a shop that died in
 * between finds it in {@link #undelivered()} and delivers it again.
 */
public interface OrderJournal {

    /**
     * Records a new pending entry, claimed by {@code owner} until {@code claimedUntil}.
     *
     * @throws dev.esetshop.core.error.StorageException when it cannot be written (then nothing may be sent)
     */
    void recordPending(JournalEntry entry);

    /**
     * Claims a pending entry for sending: succeeds when it is pending and unclaimed, claimed by the same owner, or
     * its previous claim has lapsed. The claim is atomic across processes sharing the journal.
     *
     * @return the claimed entry, or empty when it is settled or another owner holds a live claim
     */
    Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease);

    /** Gives up a claim (the outcome is still unknown; the entry stays pending for a later reconcile). */
    void release(IdempotencyKey key, String owner);

    /** Settles an entry as confirmed by ESET, with the order number and license id ESET returned. */
    void confirm(IdempotencyKey key, String orderNumber, String licenseId, Instant at);

    /** Settles an entry as definitively refused, with the reason. */
    void reject(IdempotencyKey key, String reason, Instant at);

    /** The entry with this key. */
    Optional<JournalEntry> find(IdempotencyKey key);

    /** Every pending entry, oldest first. */
    List<JournalEntry> pending();

    /**
     * Records that a confirmed entry's confirmation was delivered: called only after every confirmation listener
     * returned. Marking an entry again keeps the first time.
     *
     * @throws dev.esetshop.core.error.StorageException when the entry does not exist, is not confirmed, or the mark
     *     cannot be written (then the confirmation is delivered again later)
     */
    void markDelivered(IdempotencyKey key, Instant at);

    /** Every confirmed entry whose confirmation was not marked delivered yet, oldest first. */
    List<JournalEntry> undelivered();

    /**
     * The newest entries, newest first, for people who look at the journal (the command line's {@code orders}).
     * Both shipped adapters answer it; a journal of the host's own that cannot list its entries keeps the default.
     *
     * @param state only entries in this state, or every entry when empty
     * @param limit at most this many entries (at least 1)
     * @throws UnsupportedOperationException when the journal cannot list its entries
     */
    default List<JournalEntry> latest(Optional<JournalEntry.State> state, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot list its entries");
    }
}
