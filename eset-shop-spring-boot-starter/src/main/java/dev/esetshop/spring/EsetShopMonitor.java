package dev.esetshop.spring;

import dev.esetshop.client.BreakerTransition;
import dev.esetshop.client.EsetCallEnded;
import dev.esetshop.client.EsetClientListener;
import dev.esetshop.client.EsetRetry;
import dev.esetshop.client.RateLimitWait;
import dev.esetshop.client.WorkScope;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.OpenOrders;
import dev.esetshop.sdk.event.ConfirmationDelivered;
import dev.esetshop.sdk.event.OrderEnded;
import dev.esetshop.sdk.event.OrderOutcome;
import dev.esetshop.sdk.event.OrderPath;
import dev.esetshop.sdk.event.ReconcileEnded;
import dev.esetshop.sdk.event.RemindersDelivered;
import dev.esetshop.sdk.event.ShopListener;
import dev.esetshop.sdk.event.ShopWork;
import dev.esetshop.sdk.event.SyncEnded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shops' metrics and traces, recording themselves: a Micrometer {@link MeterBinder} over the typed events of every
 * reseller's ESET client ({@link #clientListener()}) and shop ({@link #shopListener(ResellerId)}), which the starter
 * registers on the clients and the registry it builds; a host that orders, syncs or reconciles on its own is measured
 * the same, with nothing to feed by hand. Meters are registered when the monitor is bound (each distinct tag set once,
 * then kept), gauges read the shared database. Thread-safe.
 *
 * <p>Metrics ({@code reseller} tag only with {@code eset.shop.metrics.reseller-tag=true}, so a marketplace of
 * thousands of resellers has a bounded number of series):
 * <ul>
 *   <li>{@value #CALLS} (timer; {@code call}, {@code outcome}: {@code success} or the failure's stable code): ESET
 *       calls, retries and waits included;</li>
 *   <li>{@value #RETRIES} (counter; {@code call}): attempts sent again after a transient failure;</li>
 *   <li>{@value #BREAKER_TRANSITIONS} (counter; {@code from}, {@code to}) and {@value #BREAKERS_OPEN} (gauge): circuit
 *       breaker changes, breakers open now;</li>
 *   <li>{@value #RATE_LIMIT_WAITS} (timer; {@code call}): waits for the client's own rate limit;</li>
 *   <li>{@value #ORDERS} (counter; {@code path}: order, retry, renewal_batch or reconcile; {@code outcome}: ordered,
 *       refused or pending): order outcomes from every path, so an order settled by a reconcile counts once as
 *       pending and once as ordered;</li>
 *   <li>{@value #PENDING_ORDERS} and {@value #UNDELIVERED} (gauges): pending orders and undelivered confirmations of
 *       every reseller, read from the shared journal;</li>
 *   <li>{@value #CONFIRMATIONS_DELIVERED} and {@value #REMINDERS_DELIVERED} (counters): confirmations and renewal
 *       reminders the host's listeners took;</li>
 *   <li>{@value #SYNC_DURATION} and {@value #RECONCILE_DURATION} (timers; {@code outcome}): each book's sync, each
 *       journal's reconcile;</li>
 *   <li>{@value #SYNC_AGE} (gauge, seconds): the age of the oldest book, from the last completed sync the store
 *       records (so it is right after a restart and the same on every instance); with the reseller tag, each book's
 *       age.</li>
 * </ul>
 *
 * <p>Observations (with Micrometer Tracing, spans), each with the low-cardinality key {@code outcome}:
 * {@value #CALL_OBSERVATION} (and {@code call}), {@value #ORDER_OBSERVATION}, {@value #SYNC_OBSERVATION} and
 * {@value #RECONCILE_OBSERVATION} (with the high-cardinality key {@code reseller}); the ESET calls of an order, a sync
 * or a reconcile are its children.
 */
public final class EsetShopMonitor implements MeterBinder {

    /** ESET calls by call and outcome ({@code success} or the error's stable code). */
    public static final String CALLS = "eset.shop.eset.calls";
    /** Transient failures sent again, by call. */
    public static final String RETRIES = "eset.shop.eset.retries";
    /** Circuit breaker state changes. */
    public static final String BREAKER_TRANSITIONS = "eset.shop.eset.breaker.transitions";
    /** Circuit breakers open now. */
    public static final String BREAKERS_OPEN = "eset.shop.eset.breakers.open";
    /** Waits for the client's own rate limit. */
    public static final String RATE_LIMIT_WAITS = "eset.shop.eset.rate.limit.waits";
    /** Orders by path and outcome. */
    public static final String ORDERS = "eset.shop.orders";
    /** Orders whose outcome is not known yet, over every reseller, from the shared journal. */
    public static final String PENDING_ORDERS = "eset.shop.orders.pending";
    /** Confirmed orders whose confirmation no listener took yet, over every reseller, from the shared journal. */
    public static final String UNDELIVERED = "eset.shop.confirmations.undelivered";
    /** Confirmations every listener took. */
    public static final String CONFIRMATIONS_DELIVERED = "eset.shop.confirmations.delivered";
    /** Renewal reminders every listener took. */
    public static final String REMINDERS_DELIVERED = "eset.shop.reminders.delivered";
    /** How long a book's sync took, by outcome. */
    public static final String SYNC_DURATION = "eset.shop.sync.duration";
    /** How long a journal's reconcile took, by outcome. */
    public static final String RECONCILE_DURATION = "eset.shop.reconcile.duration";
    /** Seconds since the oldest book (with the reseller tag: each book) was last synced completely. */
    public static final String SYNC_AGE = "eset.shop.sync.age";

    /** The observation of an ESET call. */
    public static final String CALL_OBSERVATION = "eset.shop.eset.call";
    /** The observation of an order, from any path. */
    public static final String ORDER_OBSERVATION = "eset.shop.order";
    /** The observation of a book's sync. */
    public static final String SYNC_OBSERVATION = "eset.shop.sync";
    /** The observation of a journal's reconcile. */
    public static final String RECONCILE_OBSERVATION = "eset.shop.reconcile";

    private static final Logger LOG = LoggerFactory.getLogger(EsetShopMonitor.class);

    /** How long the books' sync times read from the store are used before they are read again. */
    private static final Duration SYNC_TIMES_TTL = Duration.ofSeconds(10);

    private final Supplier<Optional<EsetShops>> shops;
    private final ObservationRegistry observations;
    private final Clock clock;
    private final boolean resellerTag;
    private final AtomicInteger breakersOpen = new AtomicInteger();
    private final List<Meters> bound = new CopyOnWriteArrayList<>();
    private final EsetClientListener clientListener = new ClientEvents();
    private volatile SyncTimes syncTimes = new SyncTimes(Map.of(), Instant.MIN);

    /**
     * A monitor; it measures once bound to a registry ({@link #bindTo}, done by Spring Boot for every
     * {@link MeterBinder} bean).
     *
     * @param shops the registry whose shared journal and books the gauges read, once it exists
     * @param observations where calls, orders, syncs and reconciles are observed ({@link ObservationRegistry#NOOP}
     *     for none)
     * @param clock the clock of ages
     * @param resellerTag whether order counters and the sync age carry a {@code reseller} tag (a series per reseller)
     */
    public EsetShopMonitor(
            Supplier<Optional<EsetShops>> shops, ObservationRegistry observations, Clock clock, boolean resellerTag) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resellerTag = resellerTag;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (bound.stream().anyMatch(meters -> meters.registry == registry)) {
            return;
        }
        bound.add(new Meters(registry));
    }

    /**
     * The listener every reseller's ESET client reports its calls, retries, breaker changes and rate-limit waits to
     * (the starter's clients have it; give it to {@code EsetPartnerClient.Builder.eventListener} in a host's own
     * {@link EsetPartnerApiFactory}).
     *
     * @return the client listener
     */
    public EsetClientListener clientListener() {
        return clientListener;
    }

    /**
     * The listener of a reseller's shop: its orders, syncs, reconciles and deliveries (the starter's registry has it).
     *
     * @param reseller whose shop
     * @return the shop listener, tagged with the reseller only when {@code eset.shop.metrics.reseller-tag=true}
     */
    public ShopListener shopListener(ResellerId reseller) {
        Objects.requireNonNull(reseller, "reseller");
        // without the tag every reseller's events go to the same meters: only the traces name the reseller
        return new ShopEvents(reseller);
    }

    /**
     * Circuit breakers open now, over every reseller's client.
     *
     * @return how many are open
     */
    public int openBreakers() {
        return breakersOpen.get();
    }

    /** The meters of one registry, registered when bound; a tag set seen for the first time is registered once. */
    private final class Meters {
        private final MeterRegistry registry;
        private final Map<OrderPath, Map<OrderOutcome, Counter>> orders = new EnumMap<>(OrderPath.class);
        private final Map<List<String>, Counter> resellerOrders = new ConcurrentHashMap<>();
        private final Map<List<String>, Timer> calls = new ConcurrentHashMap<>();
        private final Map<String, Counter> retries = new ConcurrentHashMap<>();
        private final Map<String, Timer> rateLimitWaits = new ConcurrentHashMap<>();
        private final Map<List<String>, Counter> transitions = new ConcurrentHashMap<>();
        private final Map<String, Timer> syncs = new ConcurrentHashMap<>();
        private final Map<String, Timer> reconciles = new ConcurrentHashMap<>();
        private final Counter confirmations;
        private final Counter reminders;
        private final Optional<MultiGauge> syncAges;

        Meters(MeterRegistry registry) {
            this.registry = registry;
            if (!resellerTag) {
                for (OrderPath path : OrderPath.values()) {
                    Map<OrderOutcome, Counter> byOutcome = new EnumMap<>(OrderOutcome.class);
                    for (OrderOutcome outcome : OrderOutcome.values()) {
                        byOutcome.put(outcome, orderCounter(Tags.of("path", tag(path), "outcome", outcome.tag())));
                    }
                    orders.put(path, byOutcome);
                }
            }
            confirmations = Counter.builder(CONFIRMATIONS_DELIVERED)
                    .description("Order confirmations every confirmation listener took")
                    .register(registry);
            reminders = Counter.builder(REMINDERS_DELIVERED)
                    .description("Renewal reminders every reminder listener took")
                    .register(registry);
            Gauge.builder(BREAKERS_OPEN, breakersOpen, AtomicInteger::get)
                    .description("Circuit breakers of ESET clients that are open now")
                    .register(registry);
            Gauge.builder(PENDING_ORDERS, EsetShopMonitor.this, openOrders(OpenOrders::pending))
                    .description("Orders whose outcome at ESET is not known yet, from the shared journal")
                    .register(registry);
            Gauge.builder(UNDELIVERED, EsetShopMonitor.this, openOrders(OpenOrders::undelivered))
                    .description("Confirmed orders whose confirmation no listener took yet, from the shared journal")
                    .register(registry);
            if (resellerTag) {
                syncAges = Optional.of(MultiGauge.builder(SYNC_AGE)
                        .description("Seconds since the reseller's license book was last synced completely")
                        .baseUnit("seconds")
                        .register(registry));
                refreshSyncAges();
            } else {
                syncAges = Optional.empty();
                Gauge.builder(SYNC_AGE, EsetShopMonitor.this, EsetShopMonitor::oldestBookAge)
                        .description("Seconds since the oldest license book was last synced completely")
                        .baseUnit("seconds")
                        .register(registry);
            }
        }

        /** The counter registered when bound (without the reseller tag, every path and outcome has one). */
        private Counter registeredOrderCounter(OrderPath path, OrderOutcome outcome) {
            Map<OrderOutcome, Counter> byOutcome = orders.get(path);
            Counter counter = byOutcome == null ? null : byOutcome.get(outcome);
            if (counter == null) {
                throw new IllegalStateException("no order counter was registered for " + path + " " + outcome);
            }
            return counter;
        }

        private Counter orderCounter(Tags tags) {
            return Counter.builder(ORDERS)
                    .description("Orders by the path that settled them and their outcome")
                    .tags(tags)
                    .register(registry);
        }

        void order(ResellerId reseller, OrderEnded ended) {
            if (!resellerTag) {
                registeredOrderCounter(ended.path(), ended.outcome()).increment();
                return;
            }
            resellerOrders
                    .computeIfAbsent(
                            List.of(
                                    reseller.value(),
                                    tag(ended.path()),
                                    ended.outcome().tag()),
                            key -> orderCounter(
                                    Tags.of("reseller", key.get(0), "path", key.get(1), "outcome", key.get(2))))
                    .increment();
        }

        void call(EsetCallEnded ended) {
            calls.computeIfAbsent(
                            List.of(ended.call(), ended.outcome()),
                            key -> Timer.builder(CALLS)
                                    .description("ESET partner API calls, retries and waits included")
                                    .tags("call", key.get(0), "outcome", key.get(1))
                                    .register(registry))
                    .record(ended.took());
        }

        void retry(EsetRetry retry) {
            retries.computeIfAbsent(
                            retry.call(),
                            call -> Counter.builder(RETRIES)
                                    .description("ESET calls sent again after a transient failure")
                                    .tag("call", call)
                                    .register(registry))
                    .increment();
        }

        void rateLimitWait(RateLimitWait wait) {
            rateLimitWaits
                    .computeIfAbsent(
                            wait.call(),
                            call -> Timer.builder(RATE_LIMIT_WAITS)
                                    .description("Waits for the client's own rate limit")
                                    .tag("call", call)
                                    .register(registry))
                    .record(wait.delay());
        }

        void transition(BreakerTransition transition) {
            transitions
                    .computeIfAbsent(
                            List.of(transition.from(), transition.to()),
                            key -> Counter.builder(BREAKER_TRANSITIONS)
                                    .description("Circuit breaker state changes")
                                    .tags("from", key.get(0), "to", key.get(1))
                                    .register(registry))
                    .increment();
        }

        void sync(SyncEnded ended) {
            syncs.computeIfAbsent(
                            ended.outcome(),
                            outcome -> Timer.builder(SYNC_DURATION)
                                    .description("Syncs of a reseller's license book")
                                    .tag("outcome", outcome)
                                    .register(registry))
                    .record(ended.took());
            syncAges.ifPresent(ages -> refreshSyncAges());
        }

        void reconcile(ReconcileEnded ended) {
            reconciles
                    .computeIfAbsent(
                            ended.outcome(),
                            outcome -> Timer.builder(RECONCILE_DURATION)
                                    .description("Reconciles of a reseller's order journal")
                                    .tag("outcome", outcome)
                                    .register(registry))
                    .record(ended.took());
        }

        /** A row per book the store knows; each row's age reads the sync times (re-read after their TTL). */
        void refreshSyncAges() {
            syncAges.ifPresent(ages -> ages.register(
                    syncTimes(true).keySet().stream()
                            .map(reseller -> MultiGauge.Row.of(
                                    Tags.of("reseller", reseller.value()),
                                    EsetShopMonitor.this,
                                    monitor -> monitor.bookAge(reseller)))
                            .toList(),
                    true));
        }

        void confirmation() {
            confirmations.increment();
        }

        void reminders(int delivered) {
            reminders.increment(delivered);
        }
    }

    private static String tag(OrderPath path) {
        return path.name().toLowerCase(Locale.ROOT);
    }

    private static ToDoubleFunction<EsetShopMonitor> openOrders(ToDoubleFunction<OpenOrders> count) {
        return monitor -> monitor.shops
                .get()
                .map(registry -> {
                    try {
                        return count.applyAsDouble(registry.openOrders());
                    } catch (EsetShopException | IllegalStateException unreadable) {
                        // the database is down or the registry closed: no value rather than a wrong one
                        return Double.NaN;
                    }
                })
                .orElse(Double.NaN);
    }

    private double oldestBookAge() {
        Map<ResellerId, Instant> times = syncTimes(false);
        return times.values().stream()
                .min(Instant::compareTo)
                .map(this::secondsSince)
                .orElse(Double.NaN);
    }

    private double bookAge(ResellerId reseller) {
        return Optional.ofNullable(syncTimes(false).get(reseller))
                .map(this::secondsSince)
                .orElse(Double.NaN);
    }

    private double secondsSince(Instant synced) {
        return Duration.between(synced, clock.instant()).toMillis() / 1000.0;
    }

    /**
     * When each book was last synced, from the store: read again when {@code fresh} is asked for or the last read is
     * older than {@link #SYNC_TIMES_TTL} (a scrape of many rows reads the store once).
     */
    private Map<ResellerId, Instant> syncTimes(boolean fresh) {
        SyncTimes known = syncTimes;
        Instant now = clock.instant();
        if (!fresh && known.readAt.plus(SYNC_TIMES_TTL).isAfter(now) && !known.readAt.isAfter(now)) {
            return known.times;
        }
        Optional<EsetShops> registry = shops.get();
        if (registry.isEmpty()) {
            return known.times;
        }
        try {
            SyncTimes read = new SyncTimes(registry.get().lastCompletedSyncs(), now);
            syncTimes = read;
            return read.times;
        } catch (EsetShopException | IllegalStateException unreadable) {
            LOG.debug(
                    "the books' sync times cannot be read now ({})",
                    unreadable.getClass().getSimpleName());
            return known.times;
        }
    }

    private record SyncTimes(Map<ResellerId, Instant> times, Instant readAt) {}

    private void each(Consumer<Meters> record) {
        for (Meters meters : bound) {
            record.accept(meters);
        }
    }

    /** Starts an observation around work on this thread; it ends with the outcome as a low-cardinality key. */
    private WorkScope observe(String name, Function<Observation, Observation> keys) {
        if (observations.isNoop()) {
            return WorkScope.NONE;
        }
        Observation observation =
                keys.apply(Observation.createNotStarted(name, observations)).start();
        Observation.Scope scope = observation.openScope();
        return outcome -> {
            observation.lowCardinalityKeyValue("outcome", outcome);
            scope.close();
            observation.stop();
        };
    }

    private final class ClientEvents implements EsetClientListener {
        @Override
        public WorkScope onCallStarted(String call) {
            return observe(CALL_OBSERVATION, observation -> observation.lowCardinalityKeyValue("call", call));
        }

        @Override
        public void onCallEnded(EsetCallEnded ended) {
            each(meters -> meters.call(ended));
        }

        @Override
        public void onRetry(EsetRetry retry) {
            each(meters -> meters.retry(retry));
        }

        @Override
        public void onCircuitStateChange(BreakerTransition transition) {
            if (transition.opened()) {
                breakersOpen.incrementAndGet();
            } else if (transition.closedFromOpen()) {
                breakersOpen.updateAndGet(open -> Math.max(0, open - 1));
            }
            each(meters -> meters.transition(transition));
        }

        @Override
        public void onRateLimitWait(RateLimitWait wait) {
            each(meters -> meters.rateLimitWait(wait));
        }
    }

    private final class ShopEvents implements ShopListener {
        private final ResellerId reseller;

        ShopEvents(ResellerId reseller) {
            this.reseller = reseller;
        }

        @Override
        public WorkScope onStarted(ShopWork work) {
            String name = switch (work) {
                case ORDER -> ORDER_OBSERVATION;
                case SYNC -> SYNC_OBSERVATION;
                case RECONCILE -> RECONCILE_OBSERVATION;
            };
            // the reseller is high-cardinality: spans carry it, metrics derived from observations do not
            return observe(name, observation -> observation.highCardinalityKeyValue("reseller", reseller.value()));
        }

        @Override
        public void onOrderEnded(OrderEnded ended) {
            each(meters -> meters.order(reseller, ended));
        }

        @Override
        public void onSyncEnded(SyncEnded ended) {
            each(meters -> meters.sync(ended));
        }

        @Override
        public void onReconcileEnded(ReconcileEnded ended) {
            each(meters -> meters.reconcile(ended));
        }

        @Override
        public void onConfirmationDelivered(ConfirmationDelivered delivered) {
            each(Meters::confirmation);
        }

        @Override
        public void onRemindersDelivered(RemindersDelivered delivered) {
            each(meters -> meters.reminders(delivered.delivered()));
        }
    }
}
