package dev.esetshop.sdk.order;

import dev.esetshop.core.IdempotencyKey;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One order in the journal: what to send (its payload), under which key, and how it ended. */
@Value.Immutable
public interface JournalEntry {

    /** An entry's state. */
    enum State {
        /** Written before ESET was called; the outcome is not known yet. */
        PENDING,
        /** ESET confirmed the order. */
        CONFIRMED,
        /** ESET refused the order for good. */
        REJECTED
    }

    /** The idempotency key the order is sent with, every time. */
    IdempotencyKey key();

    /** The operation: {@code NEW}, {@code RENEWAL}, {@code PRODUCT_CHANGE} or {@code TRIAL}. */
    String operation();

    /** The order to send, as the SDK serialised it (opaque to the journal; never holds a secret). */
    String payload();

    /** The entry's state. */
    State state();

    /** When the entry was written. */
    Instant createdAt();

    /** When the entry last changed. */
    Instant updatedAt();

    /** Who holds the claim to send it. */
    Optional<String> claimedBy();

    /** Until when the claim holds. */
    Optional<Instant> claimedUntil();

    /** ESET's order number, once confirmed. */
    Optional<String> orderNumber();

    /** The license's public id, once confirmed. */
    Optional<String> licenseId();

    /** Why ESET refused it, once rejected. */
    Optional<String> rejection();

    /** The end customer's EULA acceptance the order was placed under (NEW and TRIAL). */
    Optional<dev.esetshop.core.EulaAcceptance> eula();

    /** When its confirmation was delivered to every listener; empty until then (and for entries not confirmed). */
    Optional<Instant> deliveredAt();

    /** A builder. */
    static ImmutableJournalEntry.Builder builder() {
        return ImmutableJournalEntry.builder();
    }
}
