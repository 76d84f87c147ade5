package dev.esetshop.sdk.remind;

import dev.esetshop.core.LicenseId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * The reminder journal port that makes renewal reminders once-only, one reseller's record of the reminders it
 * delivered, keyed by {@link RenewalReminder#eventId()}. A reminder is claimed before it is delivered, so two shops
 * sharing one journal never deliver it at the same time; it is {@linkplain #markDelivered marked delivered} by the
 * holder of its claim after every listener returned, and is never claimed again after. A reminder whose delivery
 * failed is {@linkplain #release released} and claimed again by a later round; one whose shop stopped before marking
 * it is claimed again once the claim lapsed. Claims follow the order journal's lease rule: live while
 * {@code now < claimedUntil}, lapsed from {@code claimedUntil} on; a lease must be positive. The SDK ships an
 * in-memory and a JDBC adapter (H2, PostgreSQL). Implementations are thread-safe, and a claim is atomic across
 * processes sharing the journal's storage.
 */
public interface ReminderJournal {

    /** The outcome of a {@link #claim}. */
    enum Claim {
        /** The caller holds the claim now and delivers the reminder. */
        CLAIMED,
        /** The reminder was delivered before: never again. */
        DELIVERED_BEFORE,
        /** Another owner holds a live claim (it is delivering the reminder), or won the race for it. */
        HELD_ELSEWHERE
    }

    /**
     * The event ids among these whose reminders were delivered (one read, for a round over many licenses).
     *
     * @param eventIds the event ids of the due reminders
     * @return the delivered ones
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be read
     */
    Set<String> delivered(Collection<String> eventIds);

    /**
     * Claims a reminder for {@code owner} until {@code now + lease}, recording it on its first claim: when it is not
     * delivered and unclaimed, released or its claim has lapsed. An owner's own live claim is not taken again, so
     * two rounds of one shop never deliver a reminder at once either.
     *
     * @param eventId the reminder's event id
     * @param licenseId the license it reminds of (kept for people who read the journal)
     * @param expires the expiration it reminds of
     * @param window the window in days
     * @param owner the claiming shop
     * @param now the claim's time
     * @param lease how long the claim holds; positive
     * @return whether the claim is the caller's, the reminder was delivered before, or another owner holds it
     * @throws IllegalArgumentException when the lease is zero or negative (nothing is claimed)
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be written
     */
    Claim claim(
            String eventId,
            LicenseId licenseId,
            LocalDate expires,
            int window,
            String owner,
            Instant now,
            Duration lease);

    /**
     * Records that {@code owner}, the holder of the claim, delivered the reminder, and drops the claim; called only
     * after every listener returned. Marking it again keeps the first time.
     *
     * @param eventId the reminder's event id
     * @param owner the holder of the claim
     * @param at when it was delivered
     * @return true when marked (or already marked); false when another owner holds the claim now, or there is none
     * @throws dev.esetshop.core.error.StorageException when the mark cannot be written (then the reminder is
     *     delivered again once the claim lapsed)
     */
    boolean markDelivered(String eventId, String owner, Instant at);

    /**
     * Gives up {@code owner}'s claim on an undelivered reminder (a listener failed), so the next round claims it at
     * once; no-op for other owners.
     *
     * @param eventId the reminder's event id
     * @param owner the holder of the claim
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be written
     */
    void release(String eventId, String owner);

    /**
     * Binds the journal to the ESET partner whose reminders it keeps, on first use, and refuses another partner
     * after. The default does not check (a journal of the host's own that keeps one reseller).
     *
     * @param partnerId ESET's partner id
     * @throws dev.esetshop.core.error.PartnerMismatchException when the journal belongs to another partner
     */
    default void bindPartner(String partnerId) {}
}
