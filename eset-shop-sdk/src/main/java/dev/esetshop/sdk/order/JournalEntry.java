package dev.esetshop.sdk.order;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.sdk.internal.ImmutableJournalEntry;
import dev.esetshop.sdk.internal.InternalValue;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One order in the journal: what to send (its payload), under which key, and how it ended. */
@Value.Immutable
// the shop's own code builds it from optional values: its generated class is public in the internal package
@InternalValue
public sealed interface JournalEntry permits ImmutableJournalEntry {

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

    /** The operation the order carries out. */
    Operation operation();

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
    Optional<LicenseId> licenseId();

    /** Why ESET refused it, once rejected. */
    Optional<String> rejection();

    /**
     * The license ESET issued, once confirmed, as its receipt showed it: a retry of the purchase is answered with it
     * without asking ESET or the license book. Empty for entries confirmed before the journal kept it, and in a
     * journal of the host's own that keeps only the {@linkplain #licenseId() license id}.
     */
    Optional<License> license();

    /** The end customer's EULA acceptance the order was placed under (NEW and TRIAL). */
    Optional<dev.esetshop.core.EulaAcceptance> eula();

    /** When its confirmation was delivered to every listener; empty until then (and for entries not confirmed). */
    Optional<Instant> deliveredAt();

    /**
     * Why a person must look at this pending entry before anything more happens to it ({@link
     * dev.esetshop.sdk.order.OrderJournal#markNeedsAttention}): ESET answered in a way the journal cannot settle (a receipt whose order
     * number the journal cannot record). A reconcile lists such an entry in {@code needsAttention} and never sends it
     * again; a retry of the purchase is answered {@code Pending}. Empty for every other entry.
     */
    Optional<String> attention();

    /** A builder. */
    static Builder builder() {
        return ImmutableJournalEntry.builder();
    }

    /** Collects the values of a {@link JournalEntry}; {@link #build()} checks them. */
    interface Builder {
        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(JournalEntry instance);

        /** Required. */
        Builder key(IdempotencyKey key);

        /** Required. */
        Builder operation(Operation operation);

        /** Required. */
        Builder payload(String payload);

        /** Required. */
        Builder state(JournalEntry.State state);

        /** Required. */
        Builder createdAt(Instant createdAt);

        /** Required. */
        Builder updatedAt(Instant updatedAt);

        Builder claimedBy(String claimedBy);

        Builder claimedUntil(Instant claimedUntil);

        Builder orderNumber(String orderNumber);

        Builder licenseId(LicenseId licenseId);

        Builder rejection(String rejection);

        Builder license(License license);

        Builder eula(EulaAcceptance eula);

        Builder deliveredAt(Instant deliveredAt);

        Builder attention(String attention);

        /**
         * Builds the value.
         *
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        JournalEntry build();
    }
}
