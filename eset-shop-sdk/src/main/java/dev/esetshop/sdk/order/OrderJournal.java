package dev.esetshop.sdk.order;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The order journal port that makes orders exactly-once: an entry is written {@code PENDING} with its idempotency key
 * and committed before ESET is called, and settled {@code CONFIRMED} or {@code REJECTED} after. Entries are claimed
 * before they are sent, so two shops sharing one journal never send the same entry at the same time, and every later
 * write is fenced by the claim: it succeeds only for the current holder, so a shop whose claim lapsed mid-send and
 * was taken over cannot settle the entry or deliver its confirmation a second time. A settled entry never changes
 * state again ({@code REJECTED} never overwrites {@code CONFIRMED}). The SDK ships an in-memory and a JDBC adapter
 * (H2, PostgreSQL). Implementations are thread-safe.
 *
 * <p>A confirmed entry also records whether its {@code OrderConfirmed} event was delivered: the shop that confirmed it
 * keeps its claim while it tells the listeners, and marks it {@linkplain #markDelivered delivered} only after every
 * listener returned, so a shop that died in between leaves it in {@link #undelivered()}, and another shop claims it
 * (once the claim lapsed) and delivers it again.
 *
 * <p>Claims are leases with one rule for every adapter: a claim that holds until {@code claimedUntil} (of
 * {@link #claim} or {@link #confirm}: {@code now + lease}) is live while {@code now < claimedUntil} and lapsed from
 * {@code claimedUntil} on, so a lease of {@code d} taken at {@code t} keeps other owners out for exactly
 * {@code [t, t + d)}: at {@code claimedUntil - 1ns} another owner is kept out, at {@code claimedUntil} it may take
 * the entry over. A shop is safe with it because it needs its claim only for as long as its lease (the shop's
 * {@code claimLease} is longer than a send with all its retries), and a send that outlasts it anyway cannot settle
 * or deliver a second time: every later write is fenced by the holder, not by the time. A lease (and a delivery
 * lease) must be positive, as a claim that lapses the moment it is taken protects nothing: a zero or negative one is
 * refused with {@link IllegalArgumentException} before the storage is touched. An adapter that keeps instants to the
 * microsecond applies the rule to the {@code claimedUntil} it stores and reads back.
 */
public interface OrderJournal {

    /**
     * Records a new pending entry, claimed by its {@code claimedBy} until its {@code claimedUntil}; durable (committed)
     * when this returns.
     *
     * @throws StorageException when it cannot be written (then nothing may be sent)
     */
    void recordPending(JournalEntry entry);

    /**
     * Records a new pending entry as {@link #recordPending} does, unless the journal already has an entry under its
     * key: then nothing is written and that entry is answered, as the key names one purchase (a customer's double
     * click, the marketplace retrying on another instance at the same moment). Atomic in both shipped adapters: of two
     * calls with one key, in one process or in several sharing the database, one records and the other gets its
     * entry. The default finds first and records after, and finds again when the insert loses a race.
     *
     * @return the entry already under the key, or empty when {@code entry} was recorded (then it is durable)
     * @throws StorageException when it can neither be written nor read (then nothing may be
     *     sent)
     */
    default Optional<JournalEntry> recordPendingOrFind(JournalEntry entry) {
        Optional<JournalEntry> known = find(entry.key());
        if (known.isPresent()) {
            return known;
        }
        try {
            recordPending(entry);
            return Optional.empty();
        } catch (StorageException failure) {
            Optional<JournalEntry> recordedMeanwhile = find(entry.key());
            if (recordedMeanwhile.isPresent()) {
                return recordedMeanwhile;
            }
            throw failure;
        }
    }

    /**
     * Claims an entry: a pending entry to send it, when it is unclaimed, claimed by the same owner, or its claim has
     * lapsed, and it does not {@linkplain #markNeedsAttention need attention}; a confirmed entry whose confirmation was not delivered to deliver it, when it is unclaimed or its
     * claim has lapsed ({@code now} at or after its {@code claimedUntil}). The claim is atomic across processes sharing the journal.
     *
     * @param lease how long the claim holds, from {@code now}; positive
     * @return the claimed entry, or empty when it is settled (and delivered), another owner holds a live claim, or
     *     the claim lost a race with another shop
     * @throws IllegalArgumentException when the lease is zero or negative (nothing is claimed)
     */
    Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease);

    /** Gives up {@code owner}'s claim (the outcome is still unknown; the entry stays pending); no-op for others. */
    void release(IdempotencyKey key, String owner);

    /**
     * Settles a pending entry claimed by {@code owner} as confirmed by ESET, with the order number and license id ESET
     * returned; the owner keeps the claim until {@code at + deliveryLease} to deliver the confirmation.
     *
     * @return true when this owner settled it; false when the claim was taken over or the entry is already settled
     *     (then another shop settles it and delivers its confirmation)
     * @throws IllegalArgumentException when the delivery lease is zero or negative (nothing is settled)
     * @throws StorageException when the entry does not exist or cannot be written
     */
    boolean confirm(
            IdempotencyKey key,
            String owner,
            String orderNumber,
            LicenseId licenseId,
            Instant at,
            Duration deliveryLease);

    /**
     * As {@link #confirm(IdempotencyKey, String, String, LicenseId, Instant, Duration)}, keeping the license ESET
     * issued with the entry ({@link JournalEntry#license()}), so a retry of the purchase is answered from the journal
     * alone. Both shipped adapters keep it; the default keeps only its id.
     *
     * @return true when this owner settled it; false when the claim was taken over or the entry is already settled
     * @throws IllegalArgumentException when the delivery lease is zero or negative (nothing is settled)
     * @throws StorageException when the entry does not exist or cannot be written
     */
    default boolean confirm(
            IdempotencyKey key, String owner, String orderNumber, License license, Instant at, Duration deliveryLease) {
        return confirm(key, owner, orderNumber, license.id(), at, deliveryLease);
    }

    /**
     * Settles a pending entry claimed by {@code owner} as definitively refused, with the reason.
     *
     * @return true when this owner settled it; false when the claim was taken over or the entry is already settled
     * @throws StorageException when the entry does not exist or cannot be written
     */
    boolean reject(IdempotencyKey key, String owner, String reason, Instant at);

    /**
     * Marks a pending entry claimed by {@code owner} as needing a person ({@link JournalEntry#attention()}) and drops
     * the claim: ESET answered in a way the journal cannot settle (a receipt whose order number it cannot record),
     * so sending it again would only get the same answer. The entry stays pending; {@link #claim} never claims it
     * again, so every later reconcile lists it as needing attention without sending it. The default keeps nothing
     * and answers false: a journal of the host's own then has the entry sent again by every reconcile (and listed as
     * needing attention each time).
     *
     * @param reason what the person has to check, the SDK's own text (never a secret)
     * @return true when this owner marked it; false when the claim was taken over, the entry is settled, or the
     *     journal cannot keep the mark
     * @throws StorageException when the entry does not exist or cannot be written
     */
    default boolean markNeedsAttention(IdempotencyKey key, String owner, String reason, Instant at) {
        return false;
    }

    /** The entry with this key. */
    Optional<JournalEntry> find(IdempotencyKey key);

    /** Every pending entry, oldest first. */
    List<JournalEntry> pending();

    /**
     * Records that a confirmed entry's confirmation was delivered by {@code owner}, the holder of its claim, and drops
     * the claim: called only after every confirmation listener returned. Marking an entry again keeps the first time.
     *
     * @return true when marked (or already marked); false when another owner holds the claim now
     * @throws StorageException when the entry does not exist, is not confirmed, or the mark
     *     cannot be written (then the confirmation is delivered again later)
     */
    boolean markDelivered(IdempotencyKey key, String owner, Instant at);

    /** Every confirmed entry whose confirmation was not marked delivered yet, oldest first. */
    List<JournalEntry> undelivered();

    /**
     * The keys of pending and undelivered entries the journal holds but cannot read any more (a stored value that no
     * longer parses: a damaged license id, an operation this version does not know), oldest first.
     * {@link #pending()} and {@link #undelivered()} leave them out, so one damaged entry does not stop a reconcile;
     * the reconcile reports them as {@code failed} until someone repairs them. A journal that keeps typed values
     * (the in-memory one) has none and keeps the default.
     *
     * @return the keys of the entries that cannot be read, empty when every entry can
     * @throws StorageException when the journal cannot be read
     */
    default List<IdempotencyKey> unreadable() {
        return List.of();
    }

    /**
     * The newest entries, newest first, for people who look at the journal (the command line's {@code orders}).
     * Both shipped adapters answer it; a journal of the host's own that cannot list its entries keeps the default.
     * An entry that cannot be read is left out (and logged), as in {@link #pending()}.
     *
     * @param limit at most this many entries (at least 1; a damaged entry counts against it)
     * @throws IllegalArgumentException when the limit is below 1
     * @throws UnsupportedOperationException when the journal cannot list its entries
     */
    default List<JournalEntry> latest(int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot list its entries");
    }

    /**
     * As {@link #latest(int)}, of the entries in {@code state} only.
     *
     * @param limit at most this many entries (at least 1; a damaged entry counts against it)
     * @throws IllegalArgumentException when the limit is below 1
     * @throws UnsupportedOperationException when the journal cannot list its entries
     */
    default List<JournalEntry> latest(JournalEntry.State state, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot list its entries");
    }

    /**
     * One page of the entries, newest first (by creation, then by key), for the shop's order history
     * ({@code EsetShop.orders}): of the entries matching the query's {@linkplain OrderHistoryQuery#state() state} and
     * {@linkplain OrderHistoryQuery#operation() operation} when given, the {@link OrderHistoryQuery#size() size}
     * entries of its {@link OrderHistoryQuery#page() page}, followed by the first entry of the next page when there is
     * one (so at most {@code size + 1} entries; the extra one tells the reader that an older page follows). Both
     * shipped adapters answer it; a journal of the host's own that cannot list its entries keeps the default. An
     * entry that cannot be read is left out (and logged), as in {@link #latest(int)}: it counts as an entry of its
     * page, so the pages of a journal with a damaged entry still neither overlap nor skip one.
     *
     * @return the entries of the page and the first of the next one, newest first
     * @throws UnsupportedOperationException when the journal cannot list its entries
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be read
     */
    default List<JournalEntry> page(OrderHistoryQuery query) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot list its entries");
    }

    /**
     * Binds the journal to the ESET partner whose orders it keeps, on first use, and refuses another partner after:
     * one journal per reseller. The default does not check (a journal of the host's own that keeps one reseller).
     *
     * @throws dev.esetshop.core.error.PartnerMismatchException when the journal belongs to another partner
     */
    default void bindPartner(String partnerId) {}
}
