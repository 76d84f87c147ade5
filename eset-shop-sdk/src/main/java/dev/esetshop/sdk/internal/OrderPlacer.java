package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PrintableText;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.ClientClosedException;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.LicenseNotFoundException;
import dev.esetshop.core.error.UnauthorizedException;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.ReconcileReport;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.event.ConfirmationDelivered;
import dev.esetshop.sdk.event.OrderEnded;
import dev.esetshop.sdk.event.OrderOutcome;
import dev.esetshop.sdk.event.OrderPath;
import dev.esetshop.sdk.event.ShopWork;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once order flow: journal the order PENDING under its key and a claim (committed before anything is
 * sent), send it with that key, settle it CONFIRMED (license stored, listeners told after the journal write) or
 * REJECTED, or leave it PENDING when the outcome is unknown; {@link #reconcile()} resends pending orders with their
 * own key. Every write after the send is fenced by the claim: a shop whose claim lapsed mid-send and was taken over
 * settles nothing and delivers nothing, so a confirmation goes out once even with two shops racing. A confirmation
 * is marked delivered in the journal once every listener returned (and never by a shop without a listener);
 * {@link #reconcile()} delivers the others again with the same event id. Once a send has started, the caller hears
 * Ordered, Refused or Pending with the key, never an error that reads as "nothing was sent". The caller's key is the
 * purchase: a key the journal knows is answered from the journal ({@link #answer}), and two calls with one key make
 * one order (the journal records the key once; a second call of the same shop waits for the first).
 */
public final class OrderPlacer {

    private static final Logger LOG = LoggerFactory.getLogger(OrderPlacer.class);
    /** The most characters of ESET's text a needs-attention reason quotes (the journal keeps the reason). */
    private static final int SHOWN_LENGTH = 200;

    private final EsetPartnerApi api;
    private final OrderJournal journal;
    private final String owner;
    private final Duration lease;
    private final Clock clock;
    private final IdempotencyKeys keys;
    private final LicenseBook licenseBook;
    private final ResendChecks resendChecks;
    private final List<ConfirmationListener> listeners;
    private final ShopEvents events;
    // keys this shop is working on right now, each with the handle completed when that work ends: a concurrent call
    // or reconcile of the same shop must not send them a second time, and a call with the same key waits for it
    private final ConcurrentHashMap<IdempotencyKey, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /** How this shop claims journal entries: under its owner name, each claim holding for the lease. */
    public record Claims(String owner, Duration lease) {}

    /** Where the idempotency keys of new purchases come from. */
    public interface IdempotencyKeys {
        /** A key no purchase has used. */
        IdempotencyKey fresh();
    }

    /** The shop's license book as the order flow uses it. */
    public interface LicenseBook {
        /** Stores the license of a confirmed order (the book may leave out what it cannot keep); may throw. */
        void storeConfirmed(License license);

        /** The license in the book, to answer or deliver a confirmation again without asking ESET; may throw. */
        Optional<License> find(LicenseId id);
    }

    /** What the shop checks before a pending order is sent again. */
    public interface ResendChecks {
        /**
         * Makes sure the journal belongs to the partner of the API before a pending entry is resent for a caller; it
         * may ask ESET, and throws when it cannot tell.
         */
        void ensurePartner();

        /** The pending entry's quote when its day has passed, empty while the quote still holds. */
        Optional<ReconcileReport.OutdatedQuote> outdatedQuote(JournalEntry entry, OrderPayload payload);
    }

    /**
     * The flow over ESET's API and the journal, claiming entries by the shop's claims at the clock's time; a confirmed
     * order's license goes into the license book and its confirmation to every listener, and {@code events} hears of
     * every order a reconcile settles and every confirmation delivered.
     */
    public OrderPlacer(
            EsetPartnerApi api,
            OrderJournal journal,
            Claims claims,
            Clock clock,
            IdempotencyKeys keys,
            LicenseBook licenseBook,
            ResendChecks resendChecks,
            List<ConfirmationListener> listeners,
            ShopEvents events) {
        this.api = api;
        this.journal = journal;
        this.owner = claims.owner();
        this.lease = claims.lease();
        this.clock = clock;
        this.keys = keys;
        this.licenseBook = licenseBook;
        this.resendChecks = resendChecks;
        this.listeners = List.copyOf(listeners);
        this.events = events;
    }

    /**
     * Journals a checked order under the caller's key (or a fresh one) and sends it. A key the journal knows is the
     * same purchase again, even when another call journalled it a moment ago (on this shop or another one sharing the
     * journal): it is answered as {@link #answer} does.
     *
     * @throws dev.esetshop.core.error.StorageException only when the journal could neither record the order nor
     *     read the entry under its key (then nothing was sent)
     */
    public OrderResult place(OrderPayload payload, @Nullable IdempotencyKey callerKey) {
        IdempotencyKey key = callerKey != null ? callerKey : keys.fresh();
        return underKey(
                key,
                () -> {
                    Instant now = clock.instant();
                    Optional<JournalEntry> known = journal.recordPendingOrFind(ImmutableJournalEntry.builder()
                            .key(key)
                            .operation(payload.operation())
                            .payload(payload.toJson())
                            .state(JournalEntry.State.PENDING)
                            .createdAt(now)
                            .updatedAt(now)
                            .claimedBy(owner)
                            .claimedUntil(now.plus(lease))
                            .eula(payload.eula())
                            .build());
                    if (known.isPresent()) {
                        return again(known.get(), payload);
                    }
                    // from here on something may reach ESET: every answer names the key
                    return sendSafely(key, payload, false).result();
                },
                () -> busy(key));
    }

    /** A fresh idempotency key for a new purchase, from the shop's source of keys. */
    public IdempotencyKey freshKey() {
        return keys.fresh();
    }

    /**
     * The answer to a purchase under a key the journal may know, from the journal first: the first outcome
     * ({@code Ordered} with the first order number and license, answered without asking ESET when the journal keeps
     * the license; {@code Refused} as ESET refused it), or a pending entry sent again with its key ({@code Pending}
     * when another call or shop is sending it, or ESET cannot be asked now). {@code request} is the order the caller
     * sends now, null when it cannot be made into one: an order other than the journalled one is refused with
     * {@code IDEMPOTENCY_CONFLICT}. A call of this shop that is placing the same key right now is waited for, at most
     * the claim lease, and the answer is then read from the journal. Never an exception that reads as "nothing was
     * sent" for a key the journal knows.
     *
     * @return the answer, or empty when the journal does not know the key (then nothing was journalled or sent)
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be read
     */
    public Optional<OrderResult> answer(IdempotencyKey key, @Nullable OrderPayload request) {
        return underKey(key, () -> journal.find(key).map(entry -> again(entry, request)), () -> Optional.of(busy(key)));
    }

    private static OrderResult busy(IdempotencyKey key) {
        return new OrderResult.Pending(
                key,
                "this purchase is being placed by another call right now; ask again with"
                        + " the same key for its outcome, or let reconcile() settle it");
    }

    /**
     * Runs work on a key once no other call of this shop works on it: a call that finds the key taken waits for that
     * call to end (at most the claim lease, the longest a send may take) and then takes the key itself, so it reads
     * the journal after the other call wrote its outcome. {@code whileBusy} answers when the wait runs out or is
     * interrupted.
     */
    private <T> T underKey(IdempotencyKey key, Supplier<T> work, Supplier<T> whileBusy) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        long deadline = System.nanoTime() + lease.toNanos();
        for (CompletableFuture<Void> running = inFlight.putIfAbsent(key, mine);
                running != null;
                running = inFlight.putIfAbsent(key, mine)) {
            try {
                running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillRunning) {
                return whileBusy.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return whileBusy.get();
            } catch (ExecutionException cannotHappen) {
                // the handles are only ever completed normally
                throw new IllegalStateException(cannotHappen);
            }
        }
        try {
            return work.get();
        } finally {
            inFlight.remove(key, mine);
            mine.complete(null);
        }
    }

    /** Takes the key for a reconcile, which never waits: empty when a call of this shop works on it. */
    private Optional<CompletableFuture<Void>> take(IdempotencyKey key) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        return inFlight.putIfAbsent(key, mine) == null ? Optional.of(mine) : Optional.empty();
    }

    private void free(IdempotencyKey key, CompletableFuture<Void> mine) {
        inFlight.remove(key, mine);
        mine.complete(null);
    }

    /** The same purchase again under a key the journal knows. */
    private OrderResult again(JournalEntry entry, @Nullable OrderPayload request) {
        IdempotencyKey key = entry.key();
        OrderPayload journalled = OrderPayload.fromJson(entry.payload());
        if (request == null || !journalled.sameOrderAs(request)) {
            return OrderResult.Refused.byShop(
                    List.of(Violation.of(ViolationCode.INVALID_REQUEST, "idempotencyKey", "idempotency key")),
                    IdempotencyConflictException.CODE,
                    "The idempotency key " + key + " was already used for another order (" + entry.operation() + ", "
                            + entry.state() + "); use a new key for a new purchase.");
        }
        switch (entry.state()) {
            case CONFIRMED -> {
                return confirmedAgain(entry, journalled);
            }
            case REJECTED -> {
                // the journal records ESET's refusal as "CODE: message"; a reason without a code (not written by
                // this SDK) is ESET's refusal all the same
                String reason = entry.rejection().orElse("refused");
                int colon = reason.indexOf(':');
                return OrderResult.Refused.byEset(
                        List.of(Violation.of(ViolationCode.INVALID_REQUEST, "order", "order")),
                        colon > 0 ? reason.substring(0, colon) : ViolationCode.ESET_REFUSED.name(),
                        reason);
            }
            default -> {
                if (entry.attention().isPresent()) {
                    // sending it again would get the same answer: a person settles it
                    return new OrderResult.Pending(
                            key, entry.attention().get() + "; it stays pending and needs attention");
                }
                Optional<JournalEntry> claimed = journal.claim(key, owner, clock.instant(), lease);
                if (claimed.isEmpty()) {
                    return new OrderResult.Pending(
                            key,
                            "another call or shop is sending this order right now;"
                                    + " ask again with the same key for its outcome, or let reconcile() settle it");
                }
                try {
                    resendChecks.ensurePartner();
                } catch (EsetApiException | ClientClosedException cannotAsk) {
                    releaseQuietly(key);
                    LOG.warn(
                            "order {} not sent again now: ESET's partner status could not be read ({})",
                            key,
                            cannotAsk.code());
                    return new OrderResult.Pending(
                            key,
                            "the order is journalled and not settled yet, and ESET"
                                    + " cannot be asked now (" + cannotAsk.code()
                                    + "); ask again with the same key later,"
                                    + " or let reconcile() settle it");
                } catch (RuntimeException failure) {
                    releaseQuietly(key);
                    throw failure;
                }
                return sendSafely(key, journalled, true).result();
            }
        }
    }

    /**
     * A confirmed entry answered again: with the license the journal keeps, else the one in the license book, else
     * the one ESET has; when none can be read now the order stands and the answer is Pending with the key.
     */
    private OrderResult confirmedAgain(JournalEntry entry, OrderPayload journalled) {
        IdempotencyKey key = entry.key();
        String orderNumber = entry.orderNumber().orElse("");
        Optional<License> kept = entry.license().or(() -> entry.licenseId().flatMap(this::fromBook));
        License license;
        if (kept.isPresent()) {
            license = kept.get();
        } else {
            try {
                license = api.licenseDetail(entry.licenseId()
                        .orElseThrow(
                                () -> new IllegalStateException("the confirmed entry " + key + " has no license id")));
            } catch (EsetApiException | ClientClosedException cannotAsk) {
                LOG.warn(
                        "order {} ({}) is confirmed but its license cannot be read now: {}",
                        key,
                        PrintableText.of(orderNumber),
                        cannotAsk.code());
                return new OrderResult.Pending(
                        key,
                        "ESET confirmed this order as " + PrintableText.of(orderNumber) + ", but its"
                                + " license cannot be read now (" + cannotAsk.code() + "); ask again with the same key"
                                + " later");
            }
        }
        return new OrderResult.Ordered(license, orderNumber, event(key, journalled, orderNumber, license));
    }

    /** The license in the book; empty when it is not there or the book cannot be read now. */
    private Optional<License> fromBook(LicenseId licenseId) {
        try {
            return licenseBook.find(licenseId);
        } catch (RuntimeException failure) {
            LOG.warn("license {} could not be read from the license book ({})", licenseId, describe(failure));
            return Optional.empty();
        }
    }

    /**
     * Resends every pending order this shop can claim and settles it, then delivers again every confirmation the
     * journal does not know as delivered and whose claim lapsed. One entry that fails (an unreadable payload or
     * stored value, a storage error, anything unexpected) is logged and counted, and the pass goes on.
     */
    public ReconcileReport reconcile() {
        ImmutableReconcileReport.Builder report = ImmutableReconcileReport.builder();
        listUnreadableEntries(report);
        settlePendingOrders(report);
        redeliverUndeliveredConfirmations(report);
        return report.build();
    }

    /** Lists as failed every entry the journal cannot read; they stay as they are until repaired. */
    private void listUnreadableEntries(ImmutableReconcileReport.Builder report) {
        for (IdempotencyKey damaged : journal.unreadable()) {
            report.addFailed(damaged);
            LOG.error(
                    "order {} cannot be read from the journal (a stored value no longer parses); it is left as it"
                            + " is until repaired, and the pass goes on",
                    damaged);
        }
    }

    /**
     * Sends every pending order this shop can claim again with its key and counts how each one settled; an order
     * marked as needing attention is listed and never sent, one another call or shop holds is skipped.
     */
    private void settlePendingOrders(ImmutableReconcileReport.Builder report) {
        int confirmed = 0;
        int rejected = 0;
        int skipped = 0;
        for (JournalEntry pending : journal.pending()) {
            IdempotencyKey key = pending.key();
            if (pending.attention().isPresent()) {
                // marked by an earlier pass: listed, never sent again (no shop claims it)
                report.addNeedsAttention(key);
                continue;
            }
            Optional<CompletableFuture<Void>> taken = take(key);
            if (taken.isEmpty()) {
                skipped++;
                continue;
            }
            try {
                Optional<Sent> sent = resendPending(key, report);
                if (sent.isEmpty()) {
                    skipped++;
                } else if (sent.get().result() instanceof OrderResult.Ordered) {
                    confirmed++;
                } else if (sent.get().result() instanceof OrderResult.Refused) {
                    rejected++;
                } else if (sent.get().ambiguous()) {
                    report.addNeedsAttention(key);
                } else {
                    report.addStillPending(key);
                }
            } catch (RuntimeException failure) {
                report.addFailed(key);
                LOG.error(
                        "order {} could not be reconciled ({}); the pass goes on and the next one tries again",
                        key,
                        describe(failure));
                releaseQuietly(key);
            } finally {
                free(key, taken.get());
            }
        }
        report.confirmed(confirmed).rejected(rejected).skipped(skipped);
    }

    /**
     * Claims a pending order and sends it again with its key, listing its quote when the quote's day has passed;
     * empty when another shop holds the claim. The order's event counts it as an order of the reconcile path.
     */
    private Optional<Sent> resendPending(IdempotencyKey key, ImmutableReconcileReport.Builder report) {
        Optional<JournalEntry> claimed = journal.claim(key, owner, clock.instant(), lease);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        OrderPayload payload = OrderPayload.fromJson(claimed.get().payload());
        resendChecks.outdatedQuote(claimed.get(), payload).ifPresent(outdated -> {
            LOG.warn(
                    "order {} is resent after its quote's day ({}, {}): check the price charged for it",
                    key,
                    outdated.quotedOn(),
                    outdated.sameCatalog() ? "same catalog" : "catalog changed");
            report.addOutdatedQuotes(outdated);
        });
        ShopEvents.Started order = events.start(ShopWork.ORDER);
        Sent sent = sendSafely(key, payload, true);
        OrderOutcome outcome = OrderOutcome.of(sent.result());
        order.end(outcome.tag());
        // an order settled here counts as one of any path: the pending one of its first send is not the last
        events.orderEnded(new OrderEnded(OrderPath.RECONCILE, outcome, key, order.took()));
        return Optional.of(sent);
    }

    /**
     * Delivers again every confirmation the journal does not know as delivered, once its claim lapsed, and counts
     * those delivered; the others are listed as undelivered (all of them when this shop has no listener).
     */
    private void redeliverUndeliveredConfirmations(ImmutableReconcileReport.Builder report) {
        int redelivered = 0;
        for (JournalEntry entry : journal.undelivered()) {
            IdempotencyKey key = entry.key();
            Optional<CompletableFuture<Void>> taken = take(key);
            if (taken.isEmpty()) {
                continue;
            }
            try {
                if (listeners.isEmpty()) {
                    // nobody to take it: it stays undelivered (and reported) until a shop with a listener delivers it
                    report.addUndelivered(key);
                    continue;
                }
                // a confirmation still claimed is on its way to the listeners of the shop that confirmed it (or was
                // just tried by this pass): it is left alone until the claim lapses
                Optional<JournalEntry> claimed = journal.claim(key, owner, clock.instant(), lease);
                if (claimed.isEmpty()) {
                    continue;
                }
                if (redeliver(claimed.get())) {
                    redelivered++;
                } else {
                    report.addUndelivered(key);
                    // the next reconcile tries again at once, as a redelivery is not on its way anywhere
                    releaseQuietly(key);
                }
            } catch (RuntimeException failure) {
                report.addFailed(key);
                LOG.error(
                        "confirmation of order {} could not be delivered again ({}); the pass goes on",
                        key,
                        describe(failure));
            } finally {
                free(key, taken.get());
            }
        }
        report.redelivered(redelivered);
    }

    /** Delivers a confirmed entry's event again, rebuilt from its payload and its license; true when delivered. */
    private boolean redeliver(JournalEntry entry) {
        IdempotencyKey key = entry.key();
        String orderNumber = entry.orderNumber().orElse("");
        License license;
        OrderPayload payload;
        try {
            payload = OrderPayload.fromJson(entry.payload());
            LicenseId licenseId = entry.licenseId()
                    .orElseThrow(() -> new IllegalStateException("the confirmed entry has no license id"));
            license = licenseBook.find(licenseId).orElseGet(() -> api.licenseDetail(licenseId));
        } catch (EsetApiException | ClientClosedException | IllegalArgumentException | IllegalStateException failure) {
            LOG.warn(
                    "confirmation of order {} ({}) could not be rebuilt to deliver it again: {}",
                    key,
                    PrintableText.of(orderNumber),
                    describe(failure));
            return false;
        }
        OrderConfirmed event = event(key, payload, orderNumber, license);
        LOG.info("delivering the confirmation of order {} ({}) again", key, PrintableText.of(orderNumber));
        return deliver(key, event, true);
    }

    /**
     * Tells every listener and marks the confirmation delivered when none failed; a failed listener leaves it for
     * a reconcile after the claim lapsed, which tells every listener again (they de-duplicate by event id). With no
     * listener nothing is delivered, so nothing is marked: the confirmation stays undelivered, for the reconcile of a
     * shop that has one (and for the health and metrics to show).
     */
    private boolean deliver(IdempotencyKey key, OrderConfirmed event, boolean redelivery) {
        if (listeners.isEmpty()) {
            LOG.warn(
                    "order {} ({}) is confirmed but this shop has no confirmation listener: its confirmation stays"
                            + " undelivered until a shop with a listener reconciles",
                    key,
                    event.orderNumber());
            return false;
        }
        boolean allReturned = true;
        for (ConfirmationListener listener : listeners) {
            try {
                listener.onOrderConfirmed(event);
            } catch (RuntimeException failure) {
                allReturned = false;
                LOG.error(
                        "confirmation listener {} failed for order {}: {}; it is delivered again on a later"
                                + " reconcile",
                        listener.getClass().getName(),
                        PrintableText.of(event.orderNumber()),
                        failure.getClass().getName());
            }
        }
        if (!allReturned) {
            return false;
        }
        try {
            if (!journal.markDelivered(key, owner, clock.instant())) {
                LOG.warn(
                        "confirmation of order {} delivered after this shop's claim was taken over; it may be"
                                + " delivered once more by the shop that holds it now (same event id)",
                        PrintableText.of(event.orderNumber()));
            }
            events.confirmationDelivered(new ConfirmationDelivered(key, event.orderNumber(), redelivery));
            return true;
        } catch (RuntimeException failure) {
            LOG.error(
                    "confirmation of order {} delivered but not marked in the journal: {}; it is delivered again"
                            + " on a later reconcile",
                    PrintableText.of(event.orderNumber()),
                    describe(failure));
            return false;
        }
    }

    /** What a send came to; {@code ambiguous} when ESET's answer leaves open whether the order exists. */
    private record Sent(OrderResult result, boolean ambiguous) {}

    /**
     * Sends a claimed order and settles it. Whatever fails after the send started (the journal, the license book, a
     * listener, an unexpected exception) ends in Ordered, Refused or Pending with the key, never in an exception.
     */
    private Sent sendSafely(IdempotencyKey key, OrderPayload payload, boolean resend) {
        try {
            return send(key, payload, resend);
        } catch (RuntimeException unexpected) {
            LOG.error(
                    "order {} failed unexpectedly while being sent ({}); kept pending for reconcile",
                    key,
                    describe(unexpected));
            releaseQuietly(key);
            return new Sent(
                    new OrderResult.Pending(
                            key,
                            "the outcome is unknown (" + describe(unexpected)
                                    + "); reconcile() settles it with the same key"),
                    false);
        }
    }

    private Sent send(IdempotencyKey key, OrderPayload payload, boolean resend) {
        OrderReceipt receipt;
        try {
            receipt = payload.send(api, key);
        } catch (ClientClosedException closed) {
            releaseQuietly(key);
            LOG.warn("order {} not sent: {}", key, closed.code());
            return new Sent(new OrderResult.Pending(key, closed.getMessage()), false);
        } catch (EsetApiException failure) {
            Settlement settlement = settlement(failure, resend);
            if (settlement == Settlement.REFUSED) {
                return new Sent(rejected(key, payload, failure), false);
            }
            releaseQuietly(key);
            if (settlement == Settlement.AMBIGUOUS) {
                LOG.warn(
                        "order {} answered {} on a resend: the order may exist at ESET, so it is kept pending;"
                                + " check ESET's order history for key {}",
                        key,
                        failure.code(),
                        key);
                return new Sent(
                        new OrderResult.Pending(
                                key,
                                "ESET answered " + failure.code() + " to a resend: the"
                                        + " order may already exist; it stays pending, check ESET's order history for this key"),
                        true);
            }
            LOG.warn("order {} outcome unknown, kept pending: {}", key, failure.code());
            return new Sent(
                    new OrderResult.Pending(key, failure.getMessage() == null ? failure.code() : failure.getMessage()),
                    false);
        }
        if (!LicenseText.recordableOrderNumber(receipt.orderNumber())) {
            // ESET ordered, but the journal cannot keep this order number as sent (too long for its column, or a
            // character no database or log keeps): recording another one would confirm an order ESET does not know
            // by that number, and sending it again gets the same receipt, so the entry stays pending, marked as
            // needing a person who compares it with ESET's order history, and is never sent again
            String shown = shown(receipt.orderNumber());
            String reason = "ESET confirmed this order as '" + shown + "' ("
                    + receipt.orderNumber().length()
                    + " characters), an order number the journal cannot record (longer than "
                    + LicenseText.MAX_ORDER_NUMBER + " characters or holding control characters): check ESET's"
                    + " order history for this key";
            boolean marked = markNeedsAttention(key, reason);
            LOG.error(
                    "order {} confirmed by ESET as '{}' ({} characters), an order number the journal cannot"
                            + " record: kept pending and needing attention{}; check ESET's order history for key {}",
                    key,
                    shown,
                    receipt.orderNumber().length(),
                    marked ? ", not sent again" : "",
                    key);
            return new Sent(new OrderResult.Pending(key, reason + "; it stays pending and needs attention"), true);
        }
        // the license as every store keeps it (LicenseText), so the journal, the book and the event hold the same text
        License license = LicenseText.cleaned(License.builder()
                .from(receipt.license())
                .orderNumber(receipt.orderNumber())
                .build());
        boolean mine;
        try {
            mine = journal.confirm(key, owner, receipt.orderNumber(), license, clock.instant(), lease);
        } catch (RuntimeException failure) {
            // ESET ordered, the journal does not know yet: the entry stays pending (and claimed until its lease
            // lapses), and a reconcile learns the same answer again under the same key
            LOG.error(
                    "order {} confirmed by ESET as {} but not recorded: {}",
                    key,
                    PrintableText.of(receipt.orderNumber()),
                    describe(failure));
            return new Sent(
                    new OrderResult.Pending(
                            key,
                            "ESET confirmed order " + PrintableText.of(receipt.orderNumber())
                                    + " but the journal could not record it (" + describe(failure)
                                    + "); reconcile() settles it"),
                    false);
        }
        try {
            licenseBook.storeConfirmed(license);
        } catch (RuntimeException failure) {
            // the order stands and its confirmation must go out; the next sync brings the license into the book
            LOG.error(
                    "license {} of order {} could not be stored in the license book: {}",
                    license.id(),
                    PrintableText.of(receipt.orderNumber()),
                    describe(failure));
        }
        OrderConfirmed event = event(key, payload, receipt.orderNumber(), license);
        if (mine) {
            deliver(key, event, false);
        } else {
            LOG.info(
                    "order {} ({}) was taken over by another shop while this one sent it; that shop records it"
                            + " and delivers its confirmation",
                    key,
                    PrintableText.of(receipt.orderNumber()));
        }
        return new Sent(new OrderResult.Ordered(license, receipt.orderNumber(), event), false);
    }

    private OrderResult rejected(IdempotencyKey key, OrderPayload payload, EsetApiException refusal) {
        boolean settled;
        try {
            settled = journal.reject(key, owner, refusal.code() + ": " + refusal.getMessage(), clock.instant());
        } catch (RuntimeException failure) {
            LOG.error(
                    "order {} refused by ESET ({}) but the refusal could not be recorded: {}",
                    key,
                    refusal.code(),
                    describe(failure));
            return new OrderResult.Pending(
                    key,
                    "ESET refused the order (" + refusal.code() + ") but the journal"
                            + " could not record it; reconcile() settles it");
        }
        if (!settled) {
            return new OrderResult.Pending(
                    key,
                    "ESET refused this send (" + refusal.code() + "), but another shop"
                            + " has taken the order over; the journal holds its outcome");
        }
        LOG.info("order {} refused by ESET: {}", key, refusal.code());
        return OrderResult.Refused.byEset(
                List.of(Refusals.violation(refusal, payload)),
                refusal.code(),
                Objects.requireNonNullElse(refusal.getMessage(), refusal.code()));
    }

    /** What a failed send means for the order. */
    private enum Settlement {
        /** ESET answered and did not order: settled for good, the reseller has to change something first. */
        REFUSED,
        /** The outcome is unknown or the failure passes: the order stays pending, a resend with its key settles it. */
        UNKNOWN,
        /** ESET refused, yet the order may exist: it stays pending and someone checks ESET's order history. */
        AMBIGUOUS
    }

    /**
     * A retryable failure leaves the order pending. A refusal settles the order only when it answers the first
     * attempt ever made under the key: after an attempt whose outcome was unknown (an earlier send of the journal's
     * pending entry, or an earlier attempt of the client's own retries, {@code attempts() > 1}) ESET may have applied
     * that attempt and refuse the next one for it (a rule such as "the license changed", a 404 or 403 on what the
     * first one created, or a 409 for the key used), so the order stays pending and needs attention. A 409 leaves
     * open whether the order exists even on the first send. A 401 is about the credentials, not the order: under
     * short-lived tokens it passes, and once they are fixed a resend with the key settles the order.
     */
    private static Settlement settlement(EsetApiException failure, boolean resend) {
        if (failure.retryable() || failure instanceof UnauthorizedException) {
            return Settlement.UNKNOWN;
        }
        boolean afterUnknownAttempt = resend || failure.attempts() > 1;
        return afterUnknownAttempt || failure instanceof IdempotencyConflictException
                ? Settlement.AMBIGUOUS
                : Settlement.REFUSED;
    }

    /**
     * Marks the claimed entry as needing a person so no reconcile sends it again; when the journal cannot keep the
     * mark (a journal of the host's own, or a write that failed) the claim is released and the next reconcile sends
     * it again, as it did before the mark existed.
     */
    private boolean markNeedsAttention(IdempotencyKey key, String reason) {
        try {
            if (journal.markNeedsAttention(key, owner, reason, clock.instant())) {
                return true;
            }
        } catch (RuntimeException failure) {
            LOG.warn(
                    "order {} could not be marked as needing attention ({}); the next reconcile sends it again",
                    key,
                    describe(failure));
        }
        releaseQuietly(key);
        return false;
    }

    /** ESET's text as a log line or a person may see it: printable, and at most a line's worth. */
    private static String shown(String outside) {
        String printable = PrintableText.of(outside);
        if (printable.length() <= SHOWN_LENGTH) {
            return printable;
        }
        // never half of a surrogate pair: the reason is stored, and PostgreSQL keeps no lone surrogate
        int end = Character.isHighSurrogate(printable.charAt(SHOWN_LENGTH - 1)) ? SHOWN_LENGTH - 1 : SHOWN_LENGTH;
        return printable.substring(0, end) + "...";
    }

    private void releaseQuietly(IdempotencyKey key) {
        try {
            journal.release(key, owner);
        } catch (RuntimeException failure) {
            // the claim lapses by itself after the lease
            LOG.warn("claim on order {} could not be released ({}); it lapses after the lease", key, describe(failure));
        }
    }

    /**
     * A failure for the log: the SDK's own message (written never to hold a secret) or the type of anything else,
     * never a message chain (a driver may quote stored values).
     */
    private static String describe(RuntimeException failure) {
        if (failure instanceof EsetShopException shop) {
            return shop.code() + ": " + shop.getMessage();
        }
        return failure.getClass().getName();
    }

    private static OrderConfirmed event(IdempotencyKey key, OrderPayload payload, String orderNumber, License license) {
        return ImmutableOrderConfirmed.builder()
                .eventId(OrderConfirmed.eventIdFor(key))
                .operation(payload.operation())
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
                .eula(payload.eula())
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
            return Violation.withKey(
                    ViolationCode.ESET_REFUSED,
                    key,
                    field,
                    "HTTP " + refusal.httpStatus(),
                    refusal.getMessage() == null ? refusal.code() : refusal.getMessage());
        }
    }
}
