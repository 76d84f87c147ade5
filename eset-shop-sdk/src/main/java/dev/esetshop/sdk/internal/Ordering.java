package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.LicenseNotFoundException;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.ReconcileReport;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once order flow: journal the order PENDING under a fresh key and a claim, send it with that key, settle
 * it CONFIRMED (license stored, listeners told after the journal write) or REJECTED, or leave it PENDING when the
 * outcome is unknown; {@link #reconcile()} resends pending orders with their own key. A confirmation is marked
 * delivered in the journal once every listener returned; {@link #reconcile()} delivers the others again with the
 * same event id.
 */
public final class Ordering {

    private static final Logger LOG = LoggerFactory.getLogger(Ordering.class);

    private final EsetPartnerApi api;
    private final OrderJournal journal;
    private final Consumer<License> licenseSink;
    private final Function<LicenseId, Optional<License>> licenseBook;
    private final List<ConfirmationListener> listeners;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final Supplier<IdempotencyKey> keys;
    // keys this shop is sending right now: a concurrent reconcile of the same shop must not send them a second time
    private final Set<IdempotencyKey> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * The flow over its ports; {@code licenseSink} stores a confirmed license in the license book, and
     * {@code licenseBook} finds one there to deliver a confirmation again.
     */
    public Ordering(EsetPartnerApi api, OrderJournal journal, Consumer<License> licenseSink,
            Function<LicenseId, Optional<License>> licenseBook, List<ConfirmationListener> listeners, Clock clock,
            String owner, Duration lease, Supplier<IdempotencyKey> keys) {
        this.api = api;
        this.journal = journal;
        this.licenseSink = licenseSink;
        this.licenseBook = licenseBook;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.keys = keys;
    }

    /** Journals a checked order and sends it. */
    public OrderResult place(OrderPayload payload) {
        Instant now = clock.instant();
        IdempotencyKey key = keys.get();
        JournalEntry entry = JournalEntry.builder()
                .key(key)
                .operation(payload.operation().name())
                .payload(payload.toJson())
                .state(JournalEntry.State.PENDING)
                .createdAt(now)
                .updatedAt(now)
                .claimedBy(owner)
                .claimedUntil(now.plus(lease))
                .build();
        inFlight.add(key);
        try {
            journal.recordPending(entry);
            return send(key, payload);
        } finally {
            inFlight.remove(key);
        }
    }

    /**
     * Resends every pending order this shop can claim and settles it, then delivers again every confirmation the
     * journal does not know as delivered and that was confirmed at least a claim's lease ago.
     */
    public ReconcileReport reconcile() {
        int confirmed = 0;
        int rejected = 0;
        int skipped = 0;
        var report = ReconcileReport.builder();
        for (JournalEntry pending : journal.pending()) {
            IdempotencyKey key = pending.key();
            if (!inFlight.add(key)) {
                skipped++;
                continue;
            }
            try {
                Optional<JournalEntry> claimed = journal.claim(key, owner, clock.instant(), lease);
                if (claimed.isEmpty()) {
                    skipped++;
                    continue;
                }
                OrderResult result = send(key, OrderPayload.fromJson(claimed.get().payload()));
                if (result instanceof OrderResult.Ordered) {
                    confirmed++;
                } else if (result instanceof OrderResult.Refused) {
                    rejected++;
                } else {
                    report.addStillPending(key);
                }
            } finally {
                inFlight.remove(key);
            }
        }
        int redelivered = 0;
        Instant now = clock.instant();
        for (JournalEntry entry : journal.undelivered()) {
            IdempotencyKey key = entry.key();
            // a confirmation younger than a claim's lease may still be on its way to the listeners of a live shop
            // sharing the journal (or was just tried by this pass); like a live claim, it is left alone until the
            // lease lapses
            boolean mayBeUnderway = entry.updatedAt().plus(lease).isAfter(now);
            if (mayBeUnderway || !inFlight.add(key)) {
                continue;
            }
            try {
                if (redeliver(entry)) {
                    redelivered++;
                } else {
                    report.addUndelivered(key);
                }
            } finally {
                inFlight.remove(key);
            }
        }
        return report.confirmed(confirmed).rejected(rejected).skipped(skipped).redelivered(redelivered).build();
    }

    /** Delivers a confirmed entry's event again, rebuilt from its payload and its license; true when delivered. */
    private boolean redeliver(JournalEntry entry) {
        IdempotencyKey key = entry.key();
        String orderNumber = entry.orderNumber().orElse("");
        License license;
        OrderPayload payload;
        try {
            payload = OrderPayload.fromJson(entry.payload());
            LicenseId licenseId = LicenseId.of(entry.licenseId().orElseThrow(
                    () -> new IllegalStateException("the confirmed entry has no license id")));
            license = licenseBook.apply(licenseId).orElseGet(() -> api.licenseDetail(licenseId));
        } catch (EsetApiException | IllegalArgumentException | IllegalStateException failure) {
            LOG.warn("confirmation of order {} ({}) could not be rebuilt to deliver it again: {}",
                    key, orderNumber, failure instanceof EsetApiException eset ? eset.code() : failure.getMessage());
            return false;
        }
        OrderConfirmed event = event(key, payload, orderNumber, license);
        LOG.info("delivering the confirmation of order {} ({}) again", key, orderNumber);
        return deliver(key, event);
    }

    /**
     * Tells every listener and marks the confirmation delivered when none failed; a failed listener leaves it for
     * the next reconcile, which tells every listener again (they de-duplicate by event id).
     */
    private boolean deliver(IdempotencyKey key, OrderConfirmed event) {
        boolean allReturned = true;
        for (ConfirmationListener listener : listeners) {
            try {
                listener.onOrderConfirmed(event);
            } catch (RuntimeException failure) {
                allReturned = false;
                LOG.error("confirmation listener {} failed for order {}: {}; it is delivered again on the next"
                        + " reconcile", listener.getClass().getName(), event.orderNumber(),
                        failure.getClass().getName());
            }
        }
        if (!allReturned) {
            return false;
        }
        try {
            journal.markDelivered(key, clock.instant());
            return true;
        } catch (StorageException failure) {
            LOG.error("confirmation of order {} delivered but not marked in the journal: {}; it is delivered again"
                    + " on the next reconcile", event.orderNumber(), failure.getMessage());
            return false;
        }
    }

    private OrderResult send(IdempotencyKey key, OrderPayload payload) {
        OrderReceipt receipt;
        try {
            receipt = payload.send(api, key);
        } catch (EsetRuleRefusedException | LicenseNotFoundException | IdempotencyConflictException
                | AccessNotGrantedException refusal) {
            // ESET answered and did not order: settled for good, the reseller has to change something first.
            // A 401 is not among them: under short-lived tokens it passes, and the key makes a later resend safe.
            journal.reject(key, refusal.code() + ": " + refusal.getMessage(), clock.instant());
            LOG.info("order {} refused by ESET: {}", key, refusal.code());
            return new OrderResult.Refused(List.of(Refusals.violation(refusal, payload)),
                    Optional.of(refusal.code()), Optional.ofNullable(refusal.getMessage()));
        } catch (EsetApiException unknown) {
            journal.release(key, owner);
            LOG.warn("order {} outcome unknown, kept pending: {}", key, unknown.code());
            return new OrderResult.Pending(key, unknown.getMessage() == null ? unknown.code() : unknown.getMessage());
        }
        License license = receipt.license();
        try {
            journal.confirm(key, receipt.orderNumber(), license.id().value(), clock.instant());
        } catch (StorageException failure) {
            // ESET ordered, the journal does not know yet: the entry stays pending (and claimed until its lease
            // lapses), and a reconcile learns the same answer again under the same key
            LOG.error("order {} confirmed by ESET as {} but not recorded: {}", key, receipt.orderNumber(),
                    failure.getMessage());
            return new OrderResult.Pending(key, "ESET confirmed order " + receipt.orderNumber()
                    + " but the journal could not record it (" + failure.getMessage() + "); reconcile settles it");
        }
        try {
            licenseSink.accept(license);
        } catch (RuntimeException failure) {
            // the order stands and its confirmation must go out; the next sync brings the license into the book
            LOG.error("license {} of order {} could not be stored in the license book: {}",
                    license.id(), receipt.orderNumber(), failure.toString());
        }
        OrderConfirmed event = event(key, payload, receipt.orderNumber(), license);
        deliver(key, event);
        return new OrderResult.Ordered(license, receipt.orderNumber(), event);
    }

    private static OrderConfirmed event(IdempotencyKey key, OrderPayload payload, String orderNumber,
            License license) {
        return OrderConfirmed.builder()
                .eventId(OrderConfirmed.eventIdFor(key))
                .operation(payload.operation().name())
                .orderNumber(orderNumber)
                .licenseId(license.id())
                .licenseKey(license.licenseKey())
                .product(license.productCode())
                .productName(license.productName())
                .seats(license.seats().count())
                .expires(license.expires())
                .trial(license.trial())
                .customer(payload.customer())
                .customerReference(payload.reference())
                .lines(payload.lines())
                .streetPrice(payload.streetPrice())
                .yourPrice(payload.yourPrice())
                .build();
    }

    /** The ESET refusals in the caller's terms: each its own code, ESET's codes and text kept as arguments. */
    static final class Refusals {
        private Refusals() {}

        static Violation violation(EsetApiException refusal, OrderPayload payload) {
            if (refusal instanceof EsetRuleRefusedException rule) {
                return rule.refusal().violation(rule.esetCode(), rule.subCode(), rule.esetMessage());
            }
            String key;
            String field;
            if (refusal instanceof LicenseNotFoundException) {
                key = "ESET_REFUSED.notFound";
                field = "license";
            } else if (refusal instanceof IdempotencyConflictException) {
                key = "ESET_REFUSED.conflict";
                field = "order";
            } else if (refusal instanceof AccessNotGrantedException) {
                key = "ESET_REFUSED.noAccess";
                field = "order";
            } else {
                key = "ESET_REFUSED";
                field = "order";
            }
            return Violation.withKey(ViolationCode.ESET_REFUSED, key, field, "HTTP " + refusal.httpStatus(),
                    refusal.getMessage() == null ? refusal.code() : refusal.getMessage());
        }
    }
}
