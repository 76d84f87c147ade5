package dev.esetshop.sdk;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.internal.ActionAdvisor;
import dev.esetshop.sdk.internal.CatalogPriceBook;
import dev.esetshop.sdk.internal.LicenseSync;
import dev.esetshop.sdk.internal.OrderPreparation;
import dev.esetshop.sdk.internal.OrderPayload;
import dev.esetshop.sdk.internal.OrderPlacer;
import dev.esetshop.sdk.internal.PriceBook;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;
import dev.esetshop.sdk.memory.InMemoryOrderJournal;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderJournal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The ESET license shop a marketplace embeds: partner status, license sync, the license book, quotes
 * and exactly-once orders with confirmations. Build one per reseller with {@link #builder()} and
 * share it: a shop is immutable and thread-safe.
 *
 * <p>"Today" is the shop's clock in the shop's zone. Quotes use the partner's margin as ESET states it, fetched once
 * and kept for {@link #MARGIN_TTL}. Orders go through the order journal: a pending order is never sent twice and
 * never forgotten, see {@link #order(OrderRequest)} and {@link #reconcile()}.
 *
 * <pre>{@code
 * EsetShop shop = EsetShop.builder()
 *         .catalog(Catalog.load(Path.of("catalog.json")))
 *         .partnerApi(EsetPartnerClient.builder().baseUri(esetUri).credentials(user, password).build())
 *         .orderJournal(JdbcOrderJournal.create(dataSource))   // durable: exactly once across restarts
 *         .build();                                           // builds only: no database or ESET call
 * shop.reconcile();                                         // at start-up, then on a timer: settles what a crash left pending
 * shop.sync();
 * QuoteResult quoted = shop.quote(NewLicenseRequest.builder().product("EAVB").seats(6).years(1).build());
 * if (quoted instanceof QuoteResult.Accepted accepted) {
 *     OrderResult result = shop.order(accepted.quote(), eula, customer);   // Ordered, Refused or Pending
 * }
 * // renewals and product changes: quote with CurrentLicense.of(license), then shop.order(quote, license)
 * }</pre>
 */
public final class EsetShop implements AutoCloseable {

    /** How long the partner margin fetched from ESET is used before it is fetched again. */
    public static final Duration MARGIN_TTL = Duration.ofMinutes(10);

    private final PriceBook prices;
    private final EsetPartnerApi api;
    private final Clock clock;
    private final ZoneId zone;
    private final LicenseStore store;
    private final Optional<String> customerNumber;
    private final Locale locale;
    private final OrderPlacer placer;
    private final LicenseSync sync;
    private final ActionAdvisor advisor;
    private final Lock storeLock = new ReentrantLock();
    private final AtomicReference<CachedMargin> margin = new AtomicReference<>();
    private final OrderJournal journal;
    private volatile String boundPartner;
    private volatile boolean closed;

    private EsetShop(Builder builder) {
        this.prices = builder.prices;
        this.api = builder.api;
        this.clock = builder.clock;
        this.zone = builder.zone != null ? builder.zone : builder.clock.getZone();
        this.store = builder.store != null ? builder.store : new InMemoryLicenseStore();
        this.journal = builder.journal != null ? builder.journal : new InMemoryOrderJournal();
        this.customerNumber = Optional.ofNullable(builder.customerNumber);
        this.locale = builder.locale;
        this.sync = new LicenseSync(api, store, clock, storeLock);
        this.advisor = new ActionAdvisor(prices);
        this.placer = new OrderPlacer(api, journal, this::storeConfirmed, store::find, builder.listeners, clock,
                builder.owner, builder.claimLease, builder.keys, this::outdatedQuote, this::ensurePartner);
    }

    /** A pending entry journaled on an earlier day than today: its quote no longer holds. */
    private Optional<ReconcileReport.OutdatedQuote> outdatedQuote(JournalEntry entry, OrderPayload payload) {
        LocalDate quotedOn = LocalDate.ofInstant(entry.createdAt(), zone);
        if (!quotedOn.isBefore(today())) {
            return Optional.empty();
        }
        boolean sameCatalog = payload.catalogFingerprint().filter(prices.fingerprint()::equals).isPresent();
        return Optional.of(new ReconcileReport.OutdatedQuote(entry.key(), quotedOn, sameCatalog));
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
        return PartnerStatus.builder()
                .from(eset)
                .marketplaceCustomerNumber(customerNumber)
                .lastSync(store.cursor().flatMap(SyncCursor::lastCompleted))
                .build();
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
        ensurePartner();
        return sync.run(Objects.requireNonNull(progress, "progress"));
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
        var query = LicenseQuery.builder()
                .expiresOnOrAfter(today.minusDays(prices.renewalMaxDaysExpired()))
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
     * change to), each with the violations why not when it does not apply.
     *
     * @param license the license, usually from the book
     * @return the three actions with whether each applies today
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
        return prices.quote(request, context());
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
     * Orders an accepted quote, exactly once. A request under an {@linkplain OrderRequest#idempotencyKey() own key}
     * the journal already knows is the same purchase again and is answered from the journal first, whatever today's
     * date, margin or catalog say: the first outcome ({@link OrderResult.Ordered} with the first order number and
     * license, without asking ESET; {@link OrderResult.Refused} as ESET refused it), or a pending order sent again
     * with its key ({@link OrderResult.Pending} while another call or shop is sending it, or ESET cannot be asked).
     * Another order under that key is refused with {@code IDEMPOTENCY_CONFLICT}. Two calls with one key at once, on
     * one shop or on several sharing the journal, make one order: a call of the same shop waits for the first one
     * (at most the {@linkplain Builder#claimLease claim lease}) and answers its outcome, a call of another shop
     * answers Pending with the key.
     *
     * <p>A new purchase is checked first: the EULA acceptance and a complete end customer for NEW and TRIAL, the
     * license for RENEWAL and PRODUCT_CHANGE, the reference's length, and the quote itself again under today's date,
     * margin and catalog ({@code QUOTE_OUTDATED} when anything changed). A request with violations is
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
     *     {@linkplain OrderRequest#idempotencyKey() key})
     * @throws dev.esetshop.core.error.PartnerMismatchException when the journal belongs to another ESET partner
     * @throws dev.esetshop.core.error.EsetApiException when the partner margin must be fetched again to check a new
     *     purchase's quote and ESET fails (then nothing was journaled or sent; never for a key the journal knows)
     * @throws IllegalStateException when the shop is closed
     */
    public OrderResult order(OrderRequest request) {
        ensureOpen();
        Optional<IdempotencyKey> key = request.idempotencyKey();
        if (key.isPresent()) {
            Optional<OrderResult> known = placer.answer(key.get(), orderOf(request));
            if (known.isPresent()) {
                return known.get();
            }
        }
        List<Violation> violations = new ArrayList<>(OrderPreparation.violations(request));
        Quote quote = request.quote();
        QuoteResult again = quote(quote.request());
        if (!(again instanceof QuoteResult.Accepted accepted) || !accepted.quote().equals(quote)) {
            violations.add(Violation.of(ViolationCode.QUOTE_OUTDATED, "quote", quote.context().today()));
        }
        if (!violations.isEmpty()) {
            return OrderResult.Refused.of(violations);
        }
        ensurePartner();
        return placer.place(OrderPreparation.payload(request), key);
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
        // a journal with nothing to do needs no partner status call (a host reconciles at start-up, maybe offline)
        if (boundPartner == null && (!journal.pending().isEmpty() || !journal.undelivered().isEmpty())) {
            ensurePartner();
        }
        return placer.reconcile();
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

    private void storeConfirmed(License license) {
        storeLock.lock();
        try {
            // the order's license joins the book under the cursor as it stands: the sync's position does not move
            SyncCursor cursor = store.cursor().orElseGet(() -> SyncCursor.builder().nextSkip(0).inProgress(false).build());
            store.storePage(List.of(license), cursor);
        } finally {
            storeLock.unlock();
        }
    }

    private record CachedMargin(BigDecimal margin, Instant fetchedAt) {}

    /** Configures an {@link EsetShop}; {@link #build()} validates and constructs, with no I/O. */
    public static final class Builder {

        private PriceBook prices;
        private EsetPartnerApi api;
        private Clock clock = Clock.systemDefaultZone();
        private ZoneId zone;
        private OrderJournal journal;
        private LicenseStore store;
        private final List<ConfirmationListener> listeners = new ArrayList<>();
        private String customerNumber;
        private Locale locale = Locale.ENGLISH;
        private String owner = "shop-" + UUID.randomUUID();
        private Duration claimLease = Duration.ofMinutes(2);
        private Supplier<IdempotencyKey> keys = () -> IdempotencyKey.of(UUID.randomUUID().toString());

        private Builder() {}

        /**
         * The distributor's catalog every quote is priced from, e.g. {@code Catalog.load(path)}. Required.
         *
         * @param catalog the catalog
         * @return this builder
         * @throws NullPointerException when the catalog is null
         */
        public Builder catalog(Catalog catalog) {
            this.prices = new CatalogPriceBook(Objects.requireNonNull(catalog, "catalog"));
            return this;
        }

        /** The rule engine (tests give a small one instead of a catalog). */
        Builder priceBook(PriceBook priceBook) {
            this.prices = Objects.requireNonNull(priceBook, "priceBook");
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
            if (prices == null) {
                throw new IllegalStateException("EsetShop needs a catalog: call catalog(Catalog.load(path)) first");
            }
            if (api == null) {
                throw new IllegalStateException(
                        "EsetShop needs the partner API: call partnerApi(EsetPartnerClient.builder()...build()) first");
            }
            return new EsetShop(this);
        }
    }
}
