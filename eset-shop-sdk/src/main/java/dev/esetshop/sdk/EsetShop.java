package dev.esetshop.sdk;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.WorkScope;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Money;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.event.OrderEnded;
import dev.esetshop.sdk.event.OrderOutcome;
import dev.esetshop.sdk.event.OrderPath;
import dev.esetshop.sdk.event.ReconcileEnded;
import dev.esetshop.sdk.event.RemindersDelivered;
import dev.esetshop.sdk.event.ShopListener;
import dev.esetshop.sdk.event.ShopWork;
import dev.esetshop.sdk.event.SyncEnded;
import dev.esetshop.sdk.internal.ActionAdvisor;
import dev.esetshop.sdk.internal.ImmutableLicenseQuery;
import dev.esetshop.sdk.internal.LicenseSync;
import dev.esetshop.sdk.internal.LicenseText;
import dev.esetshop.sdk.internal.OrderHistoryReader;
import dev.esetshop.sdk.internal.OrderPayload;
import dev.esetshop.sdk.internal.OrderPlacer;
import dev.esetshop.sdk.internal.OrderPreparation;
import dev.esetshop.sdk.internal.ReminderRound;
import dev.esetshop.sdk.internal.ShopEvents;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;
import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.sdk.memory.InMemoryReminderJournal;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistory;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.sdk.order.OrderRecord;
import dev.esetshop.sdk.remind.ReminderJournal;
import dev.esetshop.sdk.remind.ReminderReport;
import dev.esetshop.sdk.remind.RemindersDue;
import dev.esetshop.sdk.remind.RenewalReminderListener;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The ESET license shop a marketplace embeds: partner status, license sync, the license book, quotes
 * and exactly-once orders with confirmations. Build one per reseller with {@link #builder()} and
 * share it: a shop is thread-safe, and it holds state that calls share, so keep one per reseller rather than one per
 * call: the partner's margin fetched from ESET (for {@link #MARGIN_TTL}), the ESET partner its stores are bound to,
 * the purchases it is placing right now (a second call with one key waits for the first), and whether it is closed.
 * Its settings do not change after {@link Builder#build()}.
 *
 * <p>"Today" is the shop's clock in the shop's zone. Quotes use the partner's margin as ESET states it, fetched once
 * and kept for {@link #MARGIN_TTL}. Orders go through the order journal: a pending order is never sent twice and
 * never forgotten, see {@link #order(OrderRequest)} and {@link #reconcile()}.
 *
 * <pre>{@code
 * EsetShop shop = EsetShop.builder()
 *         .catalog(Catalog.load(Path.of("catalog.json")))
 *         .partnerApi(EsetPartnerClient.builder().baseUri(esetUri).credentials(user, password).build())
 *         .orderJournal(JdbcOrderJournal.create(dataSource, reseller))   // durable: exactly once across restarts
 *         .build();                                           // builds only: no database or ESET call
 * shop.reconcile();                                         // at start-up, then on a timer: settles what a crash left pending
 * shop.sync();
 * QuoteResult quoted = shop.quote(NewLicenseRequest.builder().product("EAVB").seats(6).years(1).build());
 * if (quoted instanceof QuoteResult.Accepted accepted) {
 *     OrderResult result = shop.order(accepted.quote(), eula, customer);   // Ordered, Refused or Pending
 * }
 * // renewals and product changes: quote with CurrentLicense.of(license), then shop.order(quote, license)
 * // a trial to a paid license: quote a TrialConversionRequest of CurrentLicense.of(trial), then
 * // shop.order(OrderRequest.forTrialConversion(quote, trial, eula))
 * }</pre>
 */
public final class EsetShop implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EsetShop.class);

    /** The default reminder windows: 7, 30, 60 and 90 days before expiry. */
    public static final List<Integer> DEFAULT_REMINDER_WINDOWS = List.of(7, 30, 60, 90);

    /** How long the partner margin fetched from ESET is used before it is fetched again. */
    public static final Duration MARGIN_TTL = Duration.ofMinutes(10);

    private final Catalog catalog;
    private final Pricing pricing;
    private final EsetPartnerApi api;
    private final Clock clock;
    private final ZoneId zone;
    private final LicenseStore store;
    private final @Nullable String customerNumber;
    private final Locale locale;
    private final OrderPlacer placer;
    private final LicenseSync sync;
    private final ActionAdvisor advisor;
    private final Lock storeLock = new ReentrantLock();
    private final AtomicReference<CachedMargin> margin = new AtomicReference<>();
    private final OrderJournal journal;
    private final OrderHistoryReader history;
    private final ReminderJournal reminderJournal;
    private final ReminderRound reminders;
    private final List<Integer> reminderWindowList;
    private final ShopEvents events;
    private volatile @Nullable String boundPartner;
    private volatile boolean closed;

    /** The builder's settings, with the two it requires checked by {@link Builder#build()}. */
    private EsetShop(Builder builder, Catalog catalog, EsetPartnerApi api) {
        this.catalog = catalog;
        this.pricing = Pricing.of(catalog);
        this.api = api;
        this.clock = builder.clock;
        this.zone = builder.zone != null ? builder.zone : builder.clock.getZone();
        this.store = builder.store != null ? builder.store : new InMemoryLicenseStore();
        this.journal = builder.journal != null ? builder.journal : new InMemoryOrderJournal();
        this.customerNumber = builder.customerNumber;
        this.locale = builder.locale;
        this.sync = new LicenseSync(api, store, clock, storeLock);
        this.advisor = new ActionAdvisor(catalog, pricing, GeneratedShopValues.INSTANCE);
        this.reminderJournal =
                builder.reminderJournal != null ? builder.reminderJournal : new InMemoryReminderJournal();
        this.reminderWindowList = List.copyOf(builder.reminderWindows);
        this.reminders = new ReminderRound(
                reminderJournal,
                builder.reminderListeners,
                builder.reminderWindows,
                clock,
                builder.owner,
                builder.claimLease);
        this.history = new OrderHistoryReader(journal, catalog, store::find, zone);
        this.events = new ShopEvents(builder.eventListener, clock);
        this.placer = new OrderPlacer(
                api,
                journal,
                new OrderPlacer.Claims(builder.owner, builder.claimLease),
                clock,
                builder.keys::get,
                new OrderLicenseBook(),
                new OrderResendChecks(),
                builder.listeners,
                events);
    }

    /**
     * A builder; the catalog and the partner API are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The reseller's partner status: ESET's partner id, company, email, level and margin (fetched now), the
     * marketplace customer number and the time of the last completed sync.
     *
     * @return the partner status
     * @throws dev.esetshop.core.error.EsetApiException when ESET cannot be reached or refuses
     * @throws IllegalStateException when the shop is closed
     */
    public PartnerStatus status() {
        ensureOpen();
        PartnerStatus eset = api.partnerStatus();
        margin.set(new CachedMargin(eset.margin(), clock.instant()));
        bindPartner(eset.partnerId());
        // ESET's fields with the marketplace's own view, never one the partner API may have put there
        PartnerStatus.Builder status = PartnerStatus.builder()
                .partnerId(eset.partnerId())
                .companyName(eset.companyName())
                .email(eset.email())
                .level(eset.level())
                .margin(eset.margin());
        if (customerNumber != null) {
            status.marketplaceCustomerNumber(customerNumber);
        }
        store.cursor().flatMap(SyncCursor::lastCompleted).ifPresent(status::lastSync);
        return status.build();
    }

    /**
     * {@link #sync(SyncProgress)} without progress reports.
     *
     * @return what the sync fetched, stored and quarantined
     * @throws dev.esetshop.core.error.AccessNotGrantedException when ESET has not granted the marketplace access to this partner's data
     * @throws dev.esetshop.core.error.EsetApiException when ESET fails after the client's retries (sync again later)
     */
    public SyncReport sync() {
        return sync(SyncProgress.NONE);
    }

    /**
     * Fetches the reseller's licenses from ESET into the license book: all of them on the first run, then only those
     * changed since the last completed run. Each page is stored with the cursor after it, so a sync that stopped
     * (a crash, an error) resumes at the next page. A record ESET sends malformed is quarantined in the report.
     *
     * @param progress told after every stored page
     * @return what the sync fetched, stored and quarantined
     * @throws dev.esetshop.core.error.AccessNotGrantedException when ESET has not granted the marketplace access to
     *     this partner's data (its message says what to do)
     * @throws dev.esetshop.core.error.EsetApiException when ESET fails after the client's retries (sync again later)
     * @throws IllegalStateException when the shop is closed
     */
    public SyncReport sync(SyncProgress progress) {
        ensureOpen();
        Objects.requireNonNull(progress, "progress");
        ShopEvents.Started work = events.start(ShopWork.SYNC);
        try {
            ensurePartner();
            SyncReport report = sync.run(progress);
            work.end(WorkScope.SUCCESS);
            events.syncEnded(new SyncEnded(WorkScope.SUCCESS, report, work.took()));
            return report;
        } catch (RuntimeException failure) {
            String outcome = ShopEvents.outcomeOf(failure);
            work.end(outcome);
            events.syncEnded(new SyncEnded(outcome, work.took()));
            throw failure;
        }
    }

    /**
     * The licenses that can still be renewed (expiring today minus the renewal window or later), trials only when
     * the filter asks, sorted by expiration ascending, then by id.
     *
     * @param filter the product, customer text, expiry window, trials and limit to filter by
     * @return the matching licenses of the book
     */
    public List<License> renewableLicenses(LicenseFilter filter) {
        LocalDate today = today();
        var query = ImmutableLicenseQuery.builder()
                .expiresOnOrAfter(today.minusDays(catalog.policy().renewalMaxDaysExpired()))
                .product(filter.product())
                .customerText(filter.customerText())
                .includeTrials(filter.includeTrials())
                .limit(filter.limit());
        filter.expiringWithinDays().ifPresent(days -> query.expiresOnOrBefore(today.plusDays(days)));
        return store.query(query.build());
    }

    /**
     * One license of the book.
     *
     * @param id ESET's public license id
     * @return the license, or empty when the book has none with the id
     */
    public Optional<License> license(LicenseId id) {
        return store.find(id);
    }

    /**
     * What can be done with a license today: renew, extend by seats, change product (with the products it can
     * change to), convert a trial to a paid license, each with the violations why not when it does not apply.
     *
     * @param license the license, usually from the book
     * @return the four actions with whether each applies today
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     */
    public AvailableActions availableActions(License license) {
        return advisor.actions(license, context());
    }

    /**
     * Quotes a request with the partner's margin and today's date: an accepted {@link Quote} or every violation.
     *
     * @param request the operation to quote
     * @return {@link QuoteResult.Accepted} with the quote, or {@link QuoteResult.Rejected} with every violation
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     */
    public QuoteResult quote(QuoteRequest request) {
        return pricing.quote(request, context());
    }

    /**
     * Orders a NEW or TRIAL quote for an end customer; see {@link #order(OrderRequest)}.
     *
     * @param quote the accepted quote
     * @param eula the end customer's EULA acceptance
     * @param customer the end customer
     * @return {@link OrderResult.Ordered}, {@link OrderResult.Refused} or {@link OrderResult.Pending}
     * @throws dev.esetshop.core.error.StorageException when the journal cannot record the order before it is sent
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched again and ESET fails
     */
    public OrderResult order(Quote quote, EulaAcceptance eula, EndCustomer customer) {
        return order(OrderRequest.forNewLicense(quote, eula, customer));
    }

    /**
     * Orders a RENEWAL or PRODUCT_CHANGE quote of a license from the book; see {@link #order(OrderRequest)}.
     *
     * @param quote the accepted quote
     * @param license the license renewed or changed
     * @return {@link OrderResult.Ordered}, {@link OrderResult.Refused} or {@link OrderResult.Pending}
     * @throws dev.esetshop.core.error.StorageException when the journal cannot record the order before it is sent
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched again and ESET fails
     */
    public OrderResult order(Quote quote, License license) {
        return order(OrderRequest.forLicense(quote, license));
    }

    /**
     * Orders an accepted quote, exactly once. A request under an {@linkplain OrderDraft#idempotencyKey() own key}
     * the journal already knows is the same purchase again and is answered from the journal first, whatever today's
     * date, margin or catalog say: the first outcome ({@link OrderResult.Ordered} with the first order number and
     * license, without asking ESET; {@link OrderResult.Refused} as ESET refused it), or a pending order sent again
     * with its key ({@link OrderResult.Pending} while another call or shop is sending it, or ESET cannot be asked).
     * Another order under that key is refused with {@code IDEMPOTENCY_CONFLICT}. Two calls with one key at once, on
     * one shop or on several sharing the journal, make one order: a call of the same shop waits for the first one
     * (at most the {@linkplain Builder#claimLease claim lease}) and answers its outcome, a call of another shop
     * answers Pending with the key.
     *
     * <p>A new purchase is checked first, by {@link #violations(OrderRequest)}: the EULA acceptance and a complete
     * end customer for NEW and TRIAL, the license for RENEWAL and PRODUCT_CHANGE, the trial license and the EULA
     * acceptance for TRIAL_CONVERSION (its end customer is the trial's), the reference's length, and the quote itself again under today's date, margin and
     * catalog ({@code QUOTE_OUTDATED} when anything changed). A request with violations is
     * {@link OrderResult.Refused} with nothing journaled or sent. Otherwise the order is journaled PENDING (committed)
     * under the request's own key or a fresh one, and sent with it:
     * <ul>
     *   <li>{@link OrderResult.Ordered}: ESET issued the license; it is in the license book and every
     *       {@link ConfirmationListener} got the {@code OrderConfirmed} event (after the journal recorded it);</li>
     *   <li>{@link OrderResult.Refused}: ESET refused it for good (a rule, an unknown license, no access);</li>
     *   <li>{@link OrderResult.Pending}: the outcome is unknown (ESET unavailable, the network failed);
     *       {@link #reconcile()} resends it with the same key, so the license is issued at most once. Once the send
     *       has started, every failure (of ESET, the network, the database) ends here, with the key.</li>
     * </ul>
     *
     * @param request the accepted quote with what its operation needs
     * @return {@link OrderResult.Ordered}, {@link OrderResult.Refused} with violations, or {@link OrderResult.Pending}
     *     with the key when the outcome is not known yet
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be read or cannot record the order
     *     before it is sent (then this call sent nothing: retry with the same
     *     {@linkplain OrderDraft#idempotencyKey() key})
     * @throws dev.esetshop.core.error.PartnerMismatchException when the journal belongs to another ESET partner
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched again to check a new
     *     purchase's quote and ESET fails (then nothing was journaled or sent; never for a key the journal knows)
     * @throws IllegalStateException when the shop is closed
     */
    public OrderResult order(OrderRequest request) {
        return order(request, OrderPath.ORDER);
    }

    /** An order of a path, told to the event listener with its outcome (the path is RETRY for a key already known). */
    private OrderResult order(OrderRequest request, OrderPath path) {
        ensureOpen();
        ShopEvents.Started work = events.start(ShopWork.ORDER);
        OrderTrace trace = new OrderTrace(path, request.draft().idempotencyKey().orElse(null));
        OrderResult result;
        try {
            result = placeOrder(request, trace);
        } catch (RuntimeException failure) {
            // no outcome: nothing was sent (the exception says so), so only the trace hears of it
            work.end(ShopEvents.outcomeOf(failure));
            throw failure;
        }
        OrderOutcome outcome = OrderOutcome.of(result);
        work.end(outcome.tag());
        IdempotencyKey key = trace.key;
        events.orderEnded(
                key == null
                        ? new OrderEnded(trace.path, outcome, work.took())
                        : new OrderEnded(trace.path, outcome, key, work.took()));
        return result;
    }

    /** What an order's event says beyond its result: its path as it turned out, and its key once it has one. */
    private static final class OrderTrace {
        private OrderPath path;
        private @Nullable IdempotencyKey key;

        private OrderTrace(OrderPath path, @Nullable IdempotencyKey key) {
            this.path = path;
            this.key = key;
        }
    }

    private OrderResult placeOrder(OrderRequest request, OrderTrace trace) {
        Optional<IdempotencyKey> key = request.draft().idempotencyKey();
        if (key.isPresent()) {
            Optional<OrderResult> known =
                    placer.answer(key.get(), orderOf(request).orElse(null));
            if (known.isPresent()) {
                if (trace.path == OrderPath.ORDER) {
                    trace.path = OrderPath.RETRY;
                }
                return known.get();
            }
        }
        List<Violation> violations = violations(request);
        if (!violations.isEmpty()) {
            return OrderResult.Refused.byShop(violations);
        }
        ensurePartner();
        // the key is chosen here, so the order's event names it whatever the outcome
        IdempotencyKey chosen = key.orElseGet(placer::freshKey);
        trace.key = chosen;
        return placer.place(OrderPreparation.payload(request), chosen);
    }

    /**
     * Every violation of an order at once, as a form shows them while the reseller types: the quote's rules under
     * today's date, margin and catalog (as {@link #quote(QuoteRequest)} gives them), the EULA acceptance, the end
     * customer, the license and the reference (as {@link #order(OrderRequest)} checks them). A draft without
     * violations is quoted and ordered with {@code shop.order(draft.withQuote(quote))}, which checks the same rules
     * again and so never refuses what this check passed on the same day, margin and catalog.
     *
     * @param draft the order as the form holds it
     * @return every violation, empty when the order may be placed
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     */
    public List<Violation> violations(OrderDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (quote(draft.request()) instanceof QuoteResult.Rejected rejected) {
            violations.addAll(rejected.violations());
        }
        violations.addAll(OrderPreparation.violations(draft, today()));
        return violations;
    }

    /**
     * Every violation of an order of an accepted quote, the check {@link #order(OrderRequest)} makes before it
     * journals anything: the rules of {@link #violations(OrderDraft)} for the request's draft, and the quote itself
     * again under today's date, margin and catalog ({@code QUOTE_OUTDATED} when anything changed since it was
     * quoted).
     *
     * @param request the accepted quote with what its operation needs
     * @return every violation, empty when the order may be placed
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     */
    public List<Violation> violations(OrderRequest request) {
        Quote quote = request.quote();
        List<Violation> violations = new ArrayList<>(
                OrderPreparation.violations(request.draft(), quote.context().today()));
        QuoteResult again = quote(quote.request());
        if (!(again instanceof QuoteResult.Accepted accepted)
                || !accepted.quote().equals(quote)) {
            violations.add(Violation.of(
                    ViolationCode.QUOTE_OUTDATED, "quote", quote.context().today()));
        }
        return violations;
    }

    /**
     * The order a request sends ESET, to compare it with a journalled one; empty when the request lacks what its
     * operation needs (then it cannot be the journalled purchase).
     */
    private static Optional<OrderPayload> orderOf(OrderRequest request) {
        try {
            return Optional.of(OrderPreparation.payload(request));
        } catch (NoSuchElementException | IllegalArgumentException | IllegalStateException incomplete) {
            return Optional.empty();
        }
    }

    /**
     * Quotes the renewal of every license for the years, with its seats, and orders nothing: a dry run of
     * {@link #renew(List, int, IdempotencyKey)} with the same quotes and total.
     *
     * @param licenses the licenses, usually {@link #renewableLicenses(LicenseFilter)} (a license given twice counts
     *     once)
     * @param years the years each license is renewed by (1 to 3; other values are each license's violation)
     * @return one outcome per license, each with its quote or its violations, and the total
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     * @throws IllegalStateException when the shop is closed
     */
    public RenewalBatch quoteRenewals(List<License> licenses, int years) {
        return renewals(licenses, years, null);
    }

    /**
     * Renews every license for the years, with its seats: each one is quoted and, when accepted, ordered through
     * {@link #order(OrderRequest)} under its own key, {@link RenewalBatch#orderKey(IdempotencyKey, LicenseId)} of the
     * batch's key and the license id. A license that cannot be quoted gets its violations and no order. Run a batch
     * that stopped half-way (a crash, a storage or ESET failure) again with the same key and the same licenses (or
     * the same selection, which no longer holds the licenses already renewed): a license already ordered is answered
     * from the journal, a pending one is sent again under its key, the others are ordered; no license is ordered
     * twice.
     *
     * @param licenses the licenses, usually {@link #renewableLicenses(LicenseFilter)} (a license given twice counts
     *     once)
     * @param years the years each license is renewed by (1 to 3; other values are each license's violation)
     * @param batchKey the caller's key for this batch, e.g. one per run of a renewal job or per confirmation form;
     *     reuse it to retry the same batch, take a new one for a new batch
     * @return one outcome per license: its quote or violations, and its {@link OrderResult}
     * @throws dev.esetshop.core.error.StorageException when the journal cannot record an order before it is sent
     *     (the licenses before it are ordered: run the batch again with the same key)
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails (run
     *     the batch again with the same key)
     * @throws IllegalStateException when the shop is closed
     */
    public RenewalBatch renew(List<License> licenses, int years, IdempotencyKey batchKey) {
        return renewals(licenses, years, Objects.requireNonNull(batchKey, "batchKey"));
    }

    /** Quotes each license's renewal and, with a batch key, orders it under the key derived for the license. */
    private RenewalBatch renewals(List<License> licenses, int years, @Nullable IdempotencyKey batchKey) {
        ensureOpen();
        var batch = ImmutableRenewalBatch.builder().years(years).batchKey(Optional.ofNullable(batchKey));
        Money total = Money.zero(catalog.currency());
        Set<LicenseId> seen = new HashSet<>();
        for (License license : licenses) {
            if (!seen.add(license.id())) {
                continue;
            }
            QuoteResult quoted = quote(ActionAdvisor.renewal(CurrentLicense.of(license), years));
            Optional<OrderResult> result = Optional.empty();
            if (quoted instanceof QuoteResult.Accepted accepted) {
                // the one order path: the journal and ESET see the derived key, so a rerun is the same purchase
                result = Optional.ofNullable(batchKey)
                        .map(key -> order(
                                OrderRequest.forLicense(accepted.quote(), license)
                                        .withIdempotencyKey(RenewalBatch.orderKey(key, license.id())),
                                OrderPath.RENEWAL_BATCH));
                if (result.filter(OrderResult.Refused.class::isInstance).isEmpty()) {
                    total = total.plus(accepted.quote().yourPrice());
                }
            }
            batch.addRenewals(new RenewalBatch.Renewal(license, quoted, result.orElse(null)));
        }
        return batch.total(total).build();
    }

    /**
     * Settles the journal's pending orders: each one this shop can claim (none that another live shop is sending)
     * is sent again with its own idempotency key, so ESET answers with the first outcome instead of ordering twice.
     * Confirmed orders go into the license book and their confirmations are sent again with the same event id.
     * Then every confirmation the journal has not marked delivered (the shop stopped before every listener returned,
     * or a listener threw) goes to every listener again with the same event id, and is marked delivered once they
     * all returned; like a claim, a confirmation younger than the claim lease is left to the shop that may still be
     * delivering it. Run it once after {@link Builder#build()} (building does no I/O), then again after ESET was
     * unavailable, e.g. on a timer.
     *
     * @return what was settled, left pending and redelivered
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be read or written
     * @throws IllegalStateException when the shop is closed
     */
    public ReconcileReport reconcile() {
        ensureOpen();
        ShopEvents.Started work = events.start(ShopWork.RECONCILE);
        try {
            // a journal with nothing to do needs no partner status call (a host reconciles at start-up, maybe offline)
            if (boundPartner == null
                    && (!journal.pending().isEmpty() || !journal.undelivered().isEmpty())) {
                ensurePartner();
            }
            ReconcileReport report = placer.reconcile();
            work.end(WorkScope.SUCCESS);
            events.reconcileEnded(new ReconcileEnded(WorkScope.SUCCESS, report, work.took()));
            return report;
        } catch (RuntimeException failure) {
            String outcome = ShopEvents.outcomeOf(failure);
            work.end(outcome);
            events.reconcileEnded(new ReconcileEnded(outcome, work.took()));
            throw failure;
        }
    }

    /**
     * A page of the order history, newest first: every order the journal holds, placed by this shop or by any other
     * shop sharing the journal (so a durable journal's history survives restarts), each with its local time in the
     * shop's zone, operation, product, seats, price at the margin, end customer, reference, ESET order number and
     * outcome. Orders are filtered by the query's state and operation. An entry that cannot be read is left out and
     * logged, so a damaged entry does not hide the others. Reads only the journal: no call to ESET.
     *
     * @param query the page, its size and the filters
     * @return the page's orders and whether an older page follows
     * @throws UnsupportedOperationException when the shop's journal (a host's own) cannot list its entries
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be read
     * @throws IllegalStateException when the shop is closed
     */
    public OrderHistory orders(OrderHistoryQuery query) {
        ensureOpen();
        return history.read(query);
    }

    /**
     * One order of the history: the order the journal holds under the purchase's idempotency key, placed by this
     * shop or by any other sharing the journal, with its outcome as it stands now (a pending order that reconcile
     * settled reads confirmed). A page that placed an order shows it from here, after a restart too. Reads only the
     * journal: no call to ESET.
     *
     * @param key the idempotency key the order was sent with ({@link OrderDraft#idempotencyKey()})
     * @return the order, or empty when the journal holds none under the key (or its entry cannot be read, which is
     *     logged)
     * @throws dev.esetshop.core.error.StorageException when the journal cannot be read
     * @throws IllegalStateException when the shop is closed
     */
    public Optional<OrderRecord> findOrder(IdempotencyKey key) {
        ensureOpen();
        return history.find(Objects.requireNonNull(key, "key"));
    }

    // ------------------------------------------------------------------------------------------------ reminders

    /**
     * The licenses of the book due for a renewal reminder today, each with its renewal quote: every license that is
     * not a trial and not expired and whose expiration falls within one of the {@linkplain #reminderWindows()
     * reminder windows}, in the smallest window it falls within, quoted for the same seats and one year with today's
     * catalog and margin. A license whose renewal cannot be quoted is in {@link RemindersDue#notQuoted()}.
     *
     * @return the due reminders and the licenses that could not be quoted
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     * @throws dev.esetshop.core.error.StorageException when the license book cannot be read
     * @throws IllegalStateException when the shop is closed
     */
    public RemindersDue dueReminders() {
        return dueReminders(reminders.largestWindow());
    }

    /**
     * As {@link #dueReminders()}, only for licenses expiring within {@code days} days from today.
     *
     * @param days the most days from today to the expiration, 0 or more
     * @return the due reminders and the licenses that could not be quoted
     * @throws IllegalArgumentException when {@code days} is negative
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     * @throws dev.esetshop.core.error.StorageException when the license book cannot be read
     * @throws IllegalStateException when the shop is closed
     */
    public RemindersDue dueReminders(int days) {
        ensureOpen();
        if (days < 0) {
            throw new IllegalArgumentException("the days to the expiration must be 0 or more, not " + days);
        }
        LocalDate today = today();
        List<License> candidates = reminderCandidates(today, days);
        if (candidates.isEmpty()) {
            return new RemindersDue(List.of(), List.of());
        }
        QuoteContext context = context();
        return reminders.due(candidates, today, request -> pricing.quote(request, context));
    }

    /**
     * Delivers the {@linkplain #dueReminders() due reminders} that were not delivered before, each once per license
     * and window whatever the number of shops, restarts or rounds: each is claimed in the reminder journal, every
     * {@link RenewalReminderListener} gets the claimed ones in one call, and they are recorded delivered after every
     * listener returned. When a listener throws, the claims are released and the next round delivers the same
     * reminders again with the same event ids; a reminder that another shop is delivering is left to it. A license
     * renewed since it became due (its expiry moved out of the window) is not reminded. A reminder is never recorded
     * delivered to nobody: a shop without a listener refuses the round. Run it on a timer, e.g. once a day.
     *
     * @return how many were due, delivered now, delivered before, held by another shop and failed
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     * @throws dev.esetshop.core.error.StorageException when the license book or the reminder journal cannot be read
     *     or written
     * @throws dev.esetshop.core.error.PartnerMismatchException when the reminder journal belongs to another partner
     * @throws IllegalStateException when the shop is closed, or has no {@link RenewalReminderListener}
     */
    public ReminderReport deliverReminders() {
        return deliverReminders(reminders.largestWindow());
    }

    /**
     * As {@link #deliverReminders()}, only for licenses expiring within {@code days} days from today.
     *
     * @param days the most days from today to the expiration, 0 or more
     * @return how many were due, delivered now, delivered before, held by another shop and failed
     * @throws IllegalArgumentException when {@code days} is negative
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched and ESET fails
     * @throws dev.esetshop.core.error.StorageException when the license book or the reminder journal cannot be read
     *     or written
     * @throws dev.esetshop.core.error.PartnerMismatchException when the reminder journal belongs to another partner
     * @throws IllegalStateException when the shop is closed, or has no {@link RenewalReminderListener}
     */
    public ReminderReport deliverReminders(int days) {
        if (!reminders.hasListeners()) {
            throw new IllegalStateException("no renewal reminder listener: add one with"
                    + " EsetShop.Builder.addRenewalReminderListener before delivering reminders, so none is recorded"
                    + " delivered to nobody");
        }
        RemindersDue due = dueReminders(days);
        if (due.reminders().isEmpty()) {
            return new ReminderReport(0, 0, 0, 0, 0, due.notQuoted());
        }
        ensurePartner();
        LocalDate today = today();
        ReminderReport report = reminders.deliver(due, today, () -> reminderCandidates(today, days));
        if (report.delivered() > 0) {
            events.remindersDelivered(new RemindersDelivered(report.delivered()));
        }
        return report;
    }

    /** The licenses of the book that may be due for a reminder: not trials, expiring from today to the window. */
    private List<License> reminderCandidates(LocalDate today, int days) {
        return store.query(ImmutableLicenseQuery.builder()
                .expiresOnOrAfter(today)
                .expiresOnOrBefore(today.plusDays(Math.min(days, reminders.largestWindow())))
                .includeTrials(false)
                .build());
    }

    /**
     * The reminder windows, in days before expiry, ascending.
     *
     * @return the windows
     */
    public List<Integer> reminderWindows() {
        return reminderWindowList;
    }

    /**
     * Stops the shop: later calls throw {@link IllegalStateException}. The shop owns no thread or connection of its
     * own; the partner API and the data sources it was given stay the caller's to close. Closing twice is fine.
     */
    @Override
    public void close() {
        closed = true;
    }

    // ---------------------------------------------------------------------------------------------------- misc

    /**
     * Today in the shop's zone, by the shop's clock: the date every quote and renewal window uses.
     *
     * @return today's date in the shop's zone
     */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * A violation's message in the shop's locale.
     *
     * @param violation the violation
     * @return its message in {@link #locale()}
     */
    public String message(Violation violation) {
        return violation.message(locale);
    }

    /**
     * The reseller's zone: the zone of {@link #today()}, and the one a page shows the shop's instants in (see
     * {@link dev.esetshop.sdk.present.ShopPresentation}).
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The locale of the shop's violation messages.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this EsetShop is closed; build a new one");
        }
    }

    /** Binds the store and the journal to this shop's ESET partner once (it costs a partner status call). */
    private void ensurePartner() {
        if (boundPartner == null) {
            PartnerStatus eset = api.partnerStatus();
            margin.compareAndSet(null, new CachedMargin(eset.margin(), clock.instant()));
            bindPartner(eset.partnerId());
        }
    }

    private void bindPartner(String partnerId) {
        if (partnerId.equals(boundPartner)) {
            return;
        }
        store.bindPartner(partnerId);
        journal.bindPartner(partnerId);
        reminderJournal.bindPartner(partnerId);
        boundPartner = partnerId;
    }

    private QuoteContext context() {
        return QuoteContext.of(today(), partnerMargin());
    }

    private BigDecimal partnerMargin() {
        Instant now = clock.instant();
        CachedMargin cached = margin.get();
        if (cached == null || !now.isBefore(cached.fetchedAt().plus(MARGIN_TTL)) || now.isBefore(cached.fetchedAt())) {
            PartnerStatus eset = api.partnerStatus();
            cached = new CachedMargin(eset.margin(), now);
            margin.set(cached);
            bindPartner(eset.partnerId());
        }
        return cached.margin();
    }

    /** The license book as the order flow keeps confirmed licenses in it and finds them again. */
    private final class OrderLicenseBook implements OrderPlacer.LicenseBook {

        @Override
        public void storeConfirmed(License ordered) {
            // the book's one rule for what it keeps, as for a sync: text too long for it is left out of the book (the
            // order stands, the journal keeps the license and answers retries with it; a sync quarantines it the
            // same way)
            LicenseText.Checked checked = LicenseText.check(ordered);
            if (checked instanceof LicenseText.Refused refused) {
                LOG.warn(
                        "license {} of a confirmed order is not stored in the license book: {}",
                        ordered.id(),
                        refused.reason());
                return;
            }
            License license = ((LicenseText.Storable) checked).license();
            storeLock.lock();
            try {
                // the order's license joins the book under the cursor as it stands: the sync's position does not move
                SyncCursor cursor = store.cursor()
                        .orElseGet(() -> SyncCursor.builder()
                                .nextSkip(0)
                                .inProgress(false)
                                .build());
                store.storePage(List.of(license), cursor);
            } finally {
                storeLock.unlock();
            }
        }

        @Override
        public Optional<License> find(LicenseId id) {
            return store.find(id);
        }
    }

    /** What the shop checks before the order flow sends a pending order again. */
    private final class OrderResendChecks implements OrderPlacer.ResendChecks {

        @Override
        public void ensurePartner() {
            EsetShop.this.ensurePartner();
        }

        /** A pending entry journaled on an earlier day than today: its quote no longer holds. */
        @Override
        public Optional<ReconcileReport.OutdatedQuote> outdatedQuote(JournalEntry entry, OrderPayload payload) {
            LocalDate quotedOn = LocalDate.ofInstant(entry.createdAt(), zone);
            if (!quotedOn.isBefore(today())) {
                return Optional.empty();
            }
            boolean sameCatalog = payload.catalogFingerprint()
                    .filter(catalog.fingerprint()::equals)
                    .isPresent();
            return Optional.of(new ReconcileReport.OutdatedQuote(entry.key(), quotedOn, sameCatalog));
        }
    }

    private record CachedMargin(BigDecimal margin, Instant fetchedAt) {}

    /** Configures an {@link EsetShop}; {@link #build()} validates and constructs, with no I/O. */
    public static final class Builder {

        private @Nullable Catalog catalog;
        private @Nullable EsetPartnerApi api;
        private Clock clock = Clock.systemDefaultZone();
        private @Nullable ZoneId zone;
        private @Nullable OrderJournal journal;
        private @Nullable LicenseStore store;
        private final List<ConfirmationListener> listeners = new ArrayList<>();
        private ShopListener eventListener = ShopListener.NONE;
        private @Nullable ReminderJournal reminderJournal;
        private final List<RenewalReminderListener> reminderListeners = new ArrayList<>();
        private List<Integer> reminderWindows = DEFAULT_REMINDER_WINDOWS;
        private @Nullable String customerNumber;
        private Locale locale = Locale.ENGLISH;
        private String owner = "shop-" + UUID.randomUUID();
        private Duration claimLease = Duration.ofMinutes(2);
        private Supplier<IdempotencyKey> keys =
                () -> IdempotencyKey.of(UUID.randomUUID().toString());

        private Builder() {}

        /**
         * The distributor's catalog every quote is priced from, e.g. {@code Catalog.load(path)}. Required.
         *
         * @param catalog the catalog
         * @return this builder
         * @throws NullPointerException when the catalog is null
         */
        public Builder catalog(Catalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * ESET's partner API, usually {@code EsetPartnerClient.builder()...build()}. Required.
         *
         * @param api the partner API; it stays the caller's to close
         * @return this builder
         * @throws NullPointerException when the API is null
         */
        public Builder partnerApi(EsetPartnerApi api) {
            this.api = Objects.requireNonNull(api, "api");
            return this;
        }

        /**
         * The clock for "today", journal times and durations; default the system clock in the default zone.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException when the clock is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The marketplace's zone for "today"; default the clock's zone.
         *
         * @param zone the zone
         * @return this builder
         * @throws NullPointerException when the zone is null
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The order journal; default in memory (orders then survive retries, not a restart of the JVM).
         *
         * @param journal the journal, e.g. a JDBC one
         * @return this builder
         * @throws NullPointerException when the journal is null
         */
        public Builder orderJournal(OrderJournal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * The license book's store; default in memory.
         *
         * @param store the store, e.g. a JDBC one
         * @return this builder
         * @throws NullPointerException when the store is null
         */
        public Builder licenseStore(LicenseStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Adds a listener for confirmed orders (called in the order added).
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException when the listener is null
         */
        public Builder addConfirmationListener(ConfirmationListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Receives what the shop does, for metrics and traces: every order's outcome from any path, each sync and
         * reconcile, each confirmation and round of reminders delivered, and the start and end of orders, syncs and
         * reconciles (default: none). A listener that throws is logged and never breaks the work.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException when the listener is null
         */
        public Builder eventListener(ShopListener listener) {
            this.eventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The reminder journal that records which renewal reminders were delivered; default in memory (reminders
         * then go out once per JVM, and again after a restart). Give shops that share a database a JDBC one.
         *
         * @param journal the journal, e.g. {@code JdbcReminderJournal.create(dataSource, reseller)}
         * @return this builder
         * @throws NullPointerException when the journal is null
         */
        public Builder reminderJournal(ReminderJournal journal) {
            this.reminderJournal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * Adds a listener for renewal reminders (called in the order added, once per round with all its reminders).
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException when the listener is null
         */
        public Builder addRenewalReminderListener(RenewalReminderListener listener) {
            this.reminderListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The reminder windows in days before expiry; default {@link #DEFAULT_REMINDER_WINDOWS} (90, 60, 30 and 7).
         * A license is reminded once in each window its expiry enters.
         *
         * @param days the windows, at least one, each from 1 to 3650, in any order
         * @return this builder
         * @throws NullPointerException when the list or a window is null
         * @throws IllegalArgumentException when the list is empty, or a window is out of range or given twice
         */
        public Builder reminderWindows(List<Integer> days) {
            Objects.requireNonNull(days, "days");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("give at least one reminder window, e.g. 30 (days before expiry)");
            }
            TreeSet<Integer> sorted = new TreeSet<>();
            for (Integer window : days) {
                Objects.requireNonNull(window, "a reminder window");
                if (window < 1 || window > 3650) {
                    throw new IllegalArgumentException(
                            "a reminder window is from 1 to 3650 days before expiry, not " + window);
                }
                if (!sorted.add(window)) {
                    throw new IllegalArgumentException("the reminder window " + window + " is given twice");
                }
            }
            this.reminderWindows = List.copyOf(sorted);
            return this;
        }

        /**
         * The reseller's customer number at the marketplace, shown in the partner status.
         *
         * @param customerNumber the customer number
         * @return this builder
         * @throws NullPointerException when the customer number is null
         */
        public Builder marketplaceCustomerNumber(String customerNumber) {
            this.customerNumber = Objects.requireNonNull(customerNumber, "customerNumber");
            return this;
        }

        /**
         * The locale of violation messages (English, German, French; others get English); default English.
         *
         * @param locale the locale
         * @return this builder
         * @throws NullPointerException when the locale is null
         */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * The name this shop claims journal entries under; default a random UUID. Give every shop instance sharing a
         * journal its own.
         *
         * @param owner the name, not blank
         * @return this builder
         * @throws NullPointerException when the owner is null
         * @throws IllegalArgumentException when the owner is blank
         */
        public Builder owner(String owner) {
            if (Objects.requireNonNull(owner, "owner").isBlank()) {
                throw new IllegalArgumentException("the owner must not be blank");
            }
            this.owner = owner;
            return this;
        }

        /**
         * How long a claim on a journal entry holds; default 2 minutes. A shop that stops while sending leaves its
         * claim, and another shop may take the entry over once the lease lapsed, so make it longer than a send
         * with all its retries (the client's time budget). A send that outlasts it anyway is safe: the other shop
         * resends with the same key, and only the claim's current holder settles the order and delivers its
         * confirmation.
         *
         * @param lease how long a claim holds
         * @return this builder
         * @throws NullPointerException when the lease is null
         * @throws IllegalArgumentException when the lease is zero or negative
         */
        public Builder claimLease(Duration lease) {
            if (Objects.requireNonNull(lease, "lease").isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("the claim lease must be positive");
            }
            this.claimLease = lease;
            return this;
        }

        /**
         * Where idempotency keys come from; default random UUIDs. Tests pass a seeded source.
         *
         * @param keys the source of fresh keys
         * @return this builder
         * @throws NullPointerException when the source is null
         */
        public Builder idempotencyKeys(Supplier<IdempotencyKey> keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * The shop. Building only constructs and validates: nothing is read from the journal or sent to ESET, so a
         * marketplace can build its shops at start-up even while the database or ESET is down. Call
         * {@link EsetShop#reconcile()} once the shop is built (and then on a timer) to settle the orders a crash left
         * pending and deliver confirmations that did not go out.
         *
         * @return the shop
         * @throws IllegalStateException when the catalog or the partner API is missing
         */
        public EsetShop build() {
            if (catalog == null) {
                throw new IllegalStateException("EsetShop needs a catalog: call catalog(Catalog.load(path)) first");
            }
            if (api == null) {
                throw new IllegalStateException(
                        "EsetShop needs the partner API: call partnerApi(EsetPartnerClient.builder()...build()) first");
            }
            return new EsetShop(this, catalog, api);
        }
    }
}
