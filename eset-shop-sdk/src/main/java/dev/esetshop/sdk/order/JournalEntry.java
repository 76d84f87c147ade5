package dev.esetshop.sdk.order;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
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
     * OrderJournal#markNeedsAttention}): ESET answered in a way the journal cannot settle (a receipt whose order
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

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(JournalEntry instance);

        /**
         * Sets {@link JournalEntry#key()}.
         *
         * @param key the key
         * @return this builder
         */
        Builder key(IdempotencyKey key);

        /**
         * Sets {@link JournalEntry#operation()}.
         *
         * @param operation the value
         * @return this builder
         */
        Builder operation(Operation operation);

        /**
         * Sets {@link JournalEntry#payload()}.
         *
         * @param payload the value
         * @return this builder
         */
        Builder payload(String payload);

        /**
         * Sets {@link JournalEntry#state()}.
         *
         * @param state the value
         * @return this builder
         */
        Builder state(JournalEntry.State state);

        /**
         * Sets {@link JournalEntry#createdAt()}.
         *
         * @param createdAt the value
         * @return this builder
         */
        Builder createdAt(Instant createdAt);

        /**
         * Sets {@link JournalEntry#updatedAt()}.
         *
         * @param updatedAt the value
         * @return this builder
         */
        Builder updatedAt(Instant updatedAt);

        /**
         * Sets {@link JournalEntry#claimedBy()}.
         *
         * @param claimedBy the value
         * @return this builder
         */
        Builder claimedBy(String claimedBy);

        /**
         * Sets {@link JournalEntry#claimedBy()}.
         *
         * @param claimedBy the value
         * @return this builder
         */
        Builder claimedBy(Optional<String> claimedBy);

        /**
         * Sets {@link JournalEntry#claimedUntil()}.
         *
         * @param claimedUntil the value
         * @return this builder
         */
        Builder claimedUntil(Instant claimedUntil);

        /**
         * Sets {@link JournalEntry#claimedUntil()}.
         *
         * @param claimedUntil the value
         * @return this builder
         */
        Builder claimedUntil(Optional<? extends Instant> claimedUntil);

        /**
         * Sets {@link JournalEntry#orderNumber()}.
         *
         * @param orderNumber the value
         * @return this builder
         */
        Builder orderNumber(String orderNumber);

        /**
         * Sets {@link JournalEntry#orderNumber()}.
         *
         * @param orderNumber the value
         * @return this builder
         */
        Builder orderNumber(Optional<String> orderNumber);

        /**
         * Sets {@link JournalEntry#licenseId()}.
         *
         * @param licenseId the value
         * @return this builder
         */
        Builder licenseId(LicenseId licenseId);

        /**
         * Sets {@link JournalEntry#licenseId()}.
         *
         * @param licenseId the value
         * @return this builder
         */
        Builder licenseId(Optional<? extends LicenseId> licenseId);

        /**
         * Sets {@link JournalEntry#rejection()}.
         *
         * @param rejection the value
         * @return this builder
         */
        Builder rejection(String rejection);

        /**
         * Sets {@link JournalEntry#rejection()}.
         *
         * @param rejection the value
         * @return this builder
         */
        Builder rejection(Optional<String> rejection);

        /**
         * Sets {@link JournalEntry#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(License license);

        /**
         * Sets {@link JournalEntry#license()}.
         *
         * @param license the value
         * @return this builder
         */
        Builder license(Optional<? extends License> license);

        /**
         * Sets {@link JournalEntry#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(EulaAcceptance eula);

        /**
         * Sets {@link JournalEntry#eula()}.
         *
         * @param eula the value
         * @return this builder
         */
        Builder eula(Optional<? extends EulaAcceptance> eula);

        /**
         * Sets {@link JournalEntry#deliveredAt()}.
         *
         * @param deliveredAt the value
         * @return this builder
         */
        Builder deliveredAt(Instant deliveredAt);

        /**
         * Sets {@link JournalEntry#deliveredAt()}.
         *
         * @param deliveredAt the value
         * @return this builder
         */
        Builder deliveredAt(Optional<? extends Instant> deliveredAt);

        /**
         * Sets {@link JournalEntry#attention()}.
         *
         * @param attention the value
         * @return this builder
         */
        Builder attention(String attention);

        /**
         * Sets {@link JournalEntry#attention()}.
         *
         * @param attention the value
         * @return this builder
         */
        Builder attention(Optional<String> attention);

        /**
         * Builds the value.
         *
         * @return the JournalEntry
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        JournalEntry build();
    }
}
