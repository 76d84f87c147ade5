package dev.esetshop.spring;

import dev.esetshop.client.ResilienceListener;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.FleetSyncReport;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.ReconcileReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the starter knows of the shops' health, published as Micrometer metrics and read by the health indicator.
 * The starter feeds it from every ESET call, the clients' resilience events, its scheduled sync and reconcile; a host
 * that orders or syncs on its own (a web page's button) tells it with {@link #recordOrder} and {@link #recordSync}.
 * Thread-safe.
 *
 * <p>Metrics: {@value #CALLS} (timer; operation, outcome), {@value #RETRIES} (counter; operation),
 * {@value #BREAKER_TRANSITIONS} (counter; from, to), {@value #BREAKERS_OPEN} (gauge), {@value #RATE_LIMIT_WAITS}
 * (timer; operation), {@value #ORDERS} (counter; outcome), {@value #PENDING_ORDERS} (gauge),
 * {@value #UNDELIVERED} (gauge), {@value #SYNC_DURATION} (timer; scope), {@value #SYNC_AGE} (gauge in seconds;
 * reseller).
 */
public final class EsetShopMonitor {

    /** ESET calls by operation and outcome ({@code success} or the error's stable code). */
    public static final String CALLS = "eset.shop.eset.calls";
    /** Transient failures sent again, by operation. */
    public static final String RETRIES = "eset.shop.eset.retries";
    /** Circuit breaker state changes. */
    public static final String BREAKER_TRANSITIONS = "eset.shop.eset.breaker.transitions";
    /** Circuit breakers open now. */
    public static final String BREAKERS_OPEN = "eset.shop.eset.breakers.open";
    /** Waits for the client's own rate limit. */
    public static final String RATE_LIMIT_WAITS = "eset.shop.eset.rate.limit.waits";
    /** Orders by outcome: ordered, refused, pending. */
    public static final String ORDERS = "eset.shop.orders";
    /** Orders whose outcome is not known yet, over every reseller. */
    public static final String PENDING_ORDERS = "eset.shop.orders.pending";
    /** Confirmed orders whose confirmation is not delivered yet, over every reseller. */
    public static final String UNDELIVERED = "eset.shop.confirmations.undelivered";
    /** How long a sync took: {@code scope=fleet} for a scheduled round, {@code scope=reseller} for one book. */
    public static final String SYNC_DURATION = "eset.shop.sync.duration";
    /** Seconds since a reseller's book was last synced completely. */
    public static final String SYNC_AGE = "eset.shop.sync.age";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicInteger breakersOpen = new AtomicInteger();
    private final Map<ResellerId, Set<IdempotencyKey>> pending = new ConcurrentHashMap<>();
    private final Map<IdempotencyKey, Instant> pendingSince = new ConcurrentHashMap<>();
    private final Map<ResellerId, Integer> undelivered = new ConcurrentHashMap<>();
    private final Map<ResellerId, Instant> lastSync = new ConcurrentHashMap<>();

    /**
     * A monitor publishing to a registry.
     *
     * @param registry where the metrics go
     * @param clock the clock of ages
     */
    public EsetShopMonitor(MeterRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        Gauge.builder(BREAKERS_OPEN, breakersOpen, AtomicInteger::get)
                .description("Circuit breakers of ESET clients that are open now").register(registry);
        Gauge.builder(PENDING_ORDERS, pendingSince, Map::size)
                .description("Orders whose outcome at ESET is not known yet").register(registry);
        Gauge.builder(UNDELIVERED, undelivered, map -> map.values().stream().mapToInt(Integer::intValue).sum())
                .description("Confirmed orders whose confirmation is not delivered yet").register(registry);
    }

    /** The listener every ESET client reports its retries, breaker changes and rate-limit waits to. */
    public ResilienceListener resilienceListener() {
        return new ResilienceListener() {
            @Override
            public void onRetry(String call, int attempt, Duration wait, String reason) {
                Counter.builder(RETRIES).tag("operation", call).register(registry).increment();
            }

            @Override
            public void onCircuitStateChange(String from, String to) {
                Counter.builder(BREAKER_TRANSITIONS).tag("from", from).tag("to", to).register(registry).increment();
                if ("OPEN".equals(to)) {
                    breakersOpen.incrementAndGet();
                } else if ("OPEN".equals(from)) {
                    breakersOpen.updateAndGet(open -> Math.max(0, open - 1));
                }
            }

            @Override
            public void onRateLimitWait(String call, Duration wait) {
                Timer.builder(RATE_LIMIT_WAITS).tag("operation", call).register(registry).record(wait);
            }
        };
    }

    /**
     * One ESET call.
     *
     * @param operation the call, such as {@code partnerStatus}
     * @param outcome {@code success} or the error's stable code
     * @param took how long it took, retries included
     */
    public void recordCall(String operation, String outcome, Duration took) {
        Timer.builder(CALLS).description("ESET partner API calls").tag("operation", operation).tag("outcome", outcome)
                .register(registry).record(took);
    }

    /**
     * An order's outcome; a pending one counts as pending until a reconcile settles it.
     *
     * @param reseller whose order
     * @param result how it ended
     */
    public void recordOrder(ResellerId reseller, OrderResult result) {
        String outcome = "ordered";
        if (result instanceof OrderResult.Refused) {
            outcome = "refused";
        } else if (result instanceof OrderResult.Pending waiting) {
            pending.computeIfAbsent(reseller, r -> ConcurrentHashMap.newKeySet()).add(waiting.idempotencyKey());
            pendingSince.putIfAbsent(waiting.idempotencyKey(), clock.instant());
            outcome = "pending";
        }
        Counter.builder(ORDERS).tag("outcome", outcome).register(registry).increment();
    }

    /**
     * A reconcile of a reseller's journal: what is still pending or undelivered now.
     *
     * @param reseller whose journal
     * @param report what the reconcile did
     */
    public void recordReconcile(ResellerId reseller, ReconcileReport report) {
        Set<IdempotencyKey> open = new HashSet<>(report.stillPending());
        open.addAll(report.needsAttention());
        Set<IdempotencyKey> before = pending.getOrDefault(reseller, Set.of());
        before.stream().filter(key -> !open.contains(key)).forEach(pendingSince::remove);
        Instant now = clock.instant();
        open.forEach(key -> pendingSince.putIfAbsent(key, now));
        Set<IdempotencyKey> kept = ConcurrentHashMap.newKeySet();
        kept.addAll(open);
        pending.put(reseller, kept);
        undelivered.put(reseller, report.undelivered().size());
    }

    /**
     * A completed sync of one reseller's book.
     *
     * @param reseller whose book
     * @param took how long it took
     */
    public void recordSync(ResellerId reseller, Duration took) {
        Timer.builder(SYNC_DURATION).tag("scope", "reseller").register(registry).record(took);
        markSynced(reseller);
    }

    /**
     * A round of the fleet sync: every reseller not among the failed ones is synced now.
     *
     * @param resellers the resellers of the round
     * @param report what the round did
     */
    public void recordFleetSync(Iterable<ResellerId> resellers, FleetSyncReport report) {
        Timer.builder(SYNC_DURATION).tag("scope", "fleet").register(registry).record(report.duration());
        for (ResellerId reseller : resellers) {
            if (!report.failed().containsKey(reseller)) {
                markSynced(reseller);
            }
        }
    }

    /** Circuit breakers open now, over every reseller's client. */
    public int openBreakers() {
        return breakersOpen.get();
    }

    /** When the oldest order whose outcome is unknown was first seen pending. */
    public Optional<Instant> oldestPendingSince() {
        return pendingSince.values().stream().min(Instant::compareTo);
    }

    /** Orders whose outcome is not known yet. */
    public int pendingOrders() {
        return pendingSince.size();
    }

    /** When each reseller's book was last synced completely, as far as this monitor saw it. */
    public Map<ResellerId, Instant> lastSyncs() {
        return Map.copyOf(lastSync);
    }

    private void markSynced(ResellerId reseller) {
        if (lastSync.put(reseller, clock.instant()) == null) {
            Gauge.builder(SYNC_AGE, lastSync, map -> ageSeconds(map.get(reseller)))
                    .description("Seconds since the reseller's license book was synced")
                    .tag("reseller", reseller.value())
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    private double ageSeconds(Instant synced) {
        return synced == null ? Double.NaN : Duration.between(synced, clock.instant()).toMillis() / 1000.0;
    }
}
