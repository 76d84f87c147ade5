package dev.esetshop.sdk.memory;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.PartnerMismatchException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.internal.ClaimLeases;
import dev.esetshop.sdk.internal.ImmutableJournalEntry;
import dev.esetshop.sdk.internal.JournalPages;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.order.OrderJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OrderJournal} in memory. It makes orders exactly-once within one JVM (retries, timeouts, several shops on
 * one journal); only a durable journal such as the JDBC one survives a restart of the JVM. Thread-safe: every
 * operation, claims included, is atomic.
 */
public final class InMemoryOrderJournal implements OrderJournal {

    /** The order of {@link #latest} and {@link #page}: newest first, ties by key, as the JDBC journal sorts. */
    private static final Comparator<JournalEntry> NEWEST_FIRST = Comparator.comparing(JournalEntry::createdAt)
            .thenComparing((JournalEntry entry) -> entry.key().value())
            .reversed();

    private final Map<IdempotencyKey, JournalEntry> entries = new LinkedHashMap<>();
    private @Nullable String partner;

    /** An empty journal. */
    public InMemoryOrderJournal() {}

    @Override
    public synchronized void recordPending(JournalEntry entry) {
        if (entry.state() != JournalEntry.State.PENDING) {
            throw new IllegalArgumentException("a new journal entry must be PENDING, not " + entry.state());
        }
        if (entries.containsKey(entry.key())) {
            throw new StorageException("the journal already has an order with idempotency key " + entry.key()
                    + ": use a fresh key for every order");
        }
        entries.put(entry.key(), entry);
    }

    @Override
    public synchronized Optional<JournalEntry> recordPendingOrFind(JournalEntry entry) {
        JournalEntry known = entries.get(entry.key());
        if (known != null) {
            return Optional.of(known);
        }
        recordPending(entry);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<JournalEntry> claim(IdempotencyKey key, String owner, Instant now, Duration lease) {
        ClaimLeases.requirePositive("a claim's lease", lease);
        JournalEntry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        boolean lapsed = entry.claimedBy().isEmpty()
                || entry.claimedUntil()
                        .map(until -> ClaimLeases.lapsed(until, now))
                        .orElse(true);
        boolean free = switch (entry.state()) {
            case PENDING ->
                entry.attention().isEmpty()
                        && (lapsed || entry.claimedBy().get().equals(owner));
            case CONFIRMED -> entry.deliveredAt().isEmpty() && lapsed;
            case REJECTED -> false;
        };
        if (!free) {
            return Optional.empty();
        }
        JournalEntry claimed = ImmutableJournalEntry.builder()
                .from(entry)
                .claimedBy(owner)
                .claimedUntil(now.plus(lease))
                .build();
        entries.put(key, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized void release(IdempotencyKey key, String owner) {
        JournalEntry entry = entries.get(key);
        if (entry != null && entry.claimedBy().filter(owner::equals).isPresent()) {
            entries.put(
                    key,
                    ImmutableJournalEntry.builder()
                            .from(entry)
                            .claimedBy(Optional.empty())
                            .claimedUntil(Optional.empty())
                            .build());
        }
    }

    @Override
    public synchronized boolean confirm(
            IdempotencyKey key,
            String owner,
            String orderNumber,
            LicenseId licenseId,
            Instant at,
            Duration deliveryLease) {
        return settleConfirmed(key, owner, orderNumber, licenseId, null, at, deliveryLease);
    }

    @Override
    public synchronized boolean confirm(
            IdempotencyKey key, String owner, String orderNumber, License license, Instant at, Duration deliveryLease) {
        return settleConfirmed(key, owner, orderNumber, license.id(), license, at, deliveryLease);
    }

    private boolean settleConfirmed(
            IdempotencyKey key,
            String owner,
            String orderNumber,
            LicenseId licenseId,
            @Nullable License license,
            Instant at,
            Duration deliveryLease) {
        ClaimLeases.requirePositive("a confirmation's delivery lease", deliveryLease);
        JournalEntry entry = existing(key);
        if (!heldBy(entry, owner)) {
            return false;
        }
        entries.put(
                key,
                ImmutableJournalEntry.builder()
                        .from(entry)
                        .state(JournalEntry.State.CONFIRMED)
                        .orderNumber(orderNumber)
                        .licenseId(licenseId)
                        .license(Optional.ofNullable(license))
                        .claimedUntil(at.plus(deliveryLease))
                        .updatedAt(at)
                        .build());
        return true;
    }

    @Override
    public synchronized boolean reject(IdempotencyKey key, String owner, String reason, Instant at) {
        JournalEntry entry = existing(key);
        if (!heldBy(entry, owner)) {
            return false;
        }
        entries.put(
                key,
                ImmutableJournalEntry.builder()
                        .from(entry)
                        .state(JournalEntry.State.REJECTED)
                        .rejection(reason)
                        .claimedBy(Optional.empty())
                        .claimedUntil(Optional.empty())
                        .updatedAt(at)
                        .build());
        return true;
    }

    @Override
    public synchronized boolean markNeedsAttention(IdempotencyKey key, String owner, String reason, Instant at) {
        JournalEntry entry = existing(key);
        if (!heldBy(entry, owner)) {
            return false;
        }
        entries.put(
                key,
                ImmutableJournalEntry.builder()
                        .from(entry)
                        .attention(reason)
                        .claimedBy(Optional.empty())
                        .claimedUntil(Optional.empty())
                        .updatedAt(at)
                        .build());
        return true;
    }

    /** Only a pending entry, and only its current holder, may settle it: a settled entry never changes again. */
    private static boolean heldBy(JournalEntry entry, String owner) {
        return entry.state() == JournalEntry.State.PENDING
                && entry.claimedBy().filter(owner::equals).isPresent();
    }

    @Override
    public synchronized Optional<JournalEntry> find(IdempotencyKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized List<JournalEntry> pending() {
        return entries.values().stream()
                .filter(entry -> entry.state() == JournalEntry.State.PENDING)
                .sorted(Comparator.comparing(JournalEntry::createdAt))
                .toList();
    }

    @Override
    public synchronized boolean markDelivered(IdempotencyKey key, String owner, Instant at) {
        JournalEntry entry = existing(key);
        if (entry.state() != JournalEntry.State.CONFIRMED) {
            throw new StorageException("the order " + key + " is " + entry.state()
                    + ", not CONFIRMED: only a confirmed order has a confirmation to deliver");
        }
        if (entry.deliveredAt().isPresent()) {
            return true;
        }
        if (entry.claimedBy().filter(owner::equals).isEmpty()) {
            return false;
        }
        entries.put(
                key,
                ImmutableJournalEntry.builder()
                        .from(entry)
                        .deliveredAt(at)
                        .claimedBy(Optional.empty())
                        .claimedUntil(Optional.empty())
                        .build());
        return true;
    }

    @Override
    public synchronized List<JournalEntry> undelivered() {
        return entries.values().stream()
                .filter(entry -> entry.state() == JournalEntry.State.CONFIRMED
                        && entry.deliveredAt().isEmpty())
                .sorted(Comparator.comparing(JournalEntry::createdAt))
                .toList();
    }

    @Override
    public synchronized List<JournalEntry> latest(int limit) {
        JournalPages.requireLimit(limit);
        return newestFirst(entry -> true, 0, limit);
    }

    @Override
    public synchronized List<JournalEntry> latest(JournalEntry.State state, int limit) {
        JournalPages.requireLimit(limit);
        return newestFirst(entry -> entry.state() == state, 0, limit);
    }

    @Override
    public synchronized List<JournalEntry> page(OrderHistoryQuery query) {
        return newestFirst(
                entry -> query.state().map(wanted -> entry.state() == wanted).orElse(true)
                        && query.operation()
                                .map(wanted -> entry.operation() == wanted)
                                .orElse(true),
                JournalPages.offset(query),
                JournalPages.limit(query));
    }

    private List<JournalEntry> newestFirst(Predicate<JournalEntry> wanted, int offset, int limit) {
        return entries.values().stream()
                .filter(wanted)
                .sorted(NEWEST_FIRST)
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void bindPartner(String partnerId) {
        if (partner == null) {
            partner = partnerId;
        } else if (!partner.equals(partnerId)) {
            throw new PartnerMismatchException("order journal", partner, partnerId);
        }
    }

    private JournalEntry existing(IdempotencyKey key) {
        JournalEntry entry = entries.get(key);
        if (entry == null) {
            throw new StorageException("the journal has no order with idempotency key " + key);
        }
        return entry;
    }
}
