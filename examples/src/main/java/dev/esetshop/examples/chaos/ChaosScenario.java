package dev.esetshop.examples.chaos;

import dev.esetshop.client.CircuitBreakerSettings;
import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.StorageException;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.Product;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.OrderRequest;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.confirm.ConfirmationListener;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.FaultyDataSource;
import dev.esetshop.testkit.ForwardingPartnerApi;
import dev.esetshop.testkit.RateLimitFault;
import dev.esetshop.testkit.SandboxFaults;
import dev.esetshop.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The exactly-once scenario of issue 5: N new-license orders against an embedded sandbox that fails, loses answers
 * after committing, rate-limits and expires tokens fast; the first shop is dropped midway while an order is in
 * flight, a second shop on the same H2 journal takes over and reconciles. Deterministic for a seed: one fake clock
 * for sandbox, client and shops, moved by the client's waits and by each order.
 */
public final class ChaosScenario {

    /** The claim lease of the shops; the second shop starts after it lapsed. */
    static final Duration LEASE = Duration.ofMinutes(1);

    private ChaosScenario() {}

    /**
     * What to run.
     *
     * @param orders how many orders to place
     * @param seed the seed of the sandbox's faults and of the orders
     * @param failureRate the share of requests answered with a transient 5xx
     * @param loseRate the share of orders committed whose answer is lost
     * @param restartAt the order during which the first shop is dropped (0 for none)
     * @param catalog the catalog
     * @param autoCommitOff the journal's connections come with {@code autoCommit=false}, as some pools hand them out
     * @param databaseFailureRate the share of the journal's statements that fail (seeded), at any moment of a send
     * @param slowSendRate the share of orders whose answer takes longer than the claim lease; meanwhile a second shop
     *     on the same journal reconciles and takes the order over
     */
    public record Settings(
            int orders,
            long seed,
            double failureRate,
            double loseRate,
            int restartAt,
            Catalog catalog,
            boolean autoCommitOff,
            double databaseFailureRate,
            double slowSendRate) {
        /** Settings. */
        public Settings {
            Objects.requireNonNull(catalog, "catalog");
            if (orders < 1) {
                throw new IllegalArgumentException("orders must be at least 1");
            }
            if (!(databaseFailureRate >= 0 && databaseFailureRate < 1) || !(slowSendRate >= 0 && slowSendRate <= 1)) {
                throw new IllegalArgumentException(
                        "the database failure rate is in [0, 1), the slow send rate in" + " [0, 1]");
            }
        }

        /** The scenario of issue 5: a healthy database, no slow sends. */
        public Settings(int orders, long seed, double failureRate, double loseRate, int restartAt, Catalog catalog) {
            this(orders, seed, failureRate, loseRate, restartAt, catalog, false, 0, 0);
        }
    }

    /**
     * What happened.
     *
     * @param orders orders placed
     * @param licenses licenses the sandbox issued
     * @param duplicates licenses issued beyond one per order
     * @param lost orders without a confirmed license in the journal
     * @param pendingAfterOrdering orders whose outcome was unknown when placed
     * @param reconcileRounds reconcile runs after the last order until nothing was pending
     * @param requests API requests the sandbox received
     * @param databaseFailures failures injected into the journal's database
     * @param confirmationsDeliveredTwice orders whose confirmation reached the listeners more than once (a failed
     *     journal write after delivery redelivers with the same event id; without database failures it is 0)
     * @param takenOver slow sends during which the second shop reconciled
     */
    public record Outcome(
            int orders,
            int licenses,
            int duplicates,
            int lost,
            int pendingAfterOrdering,
            int reconcileRounds,
            long requests,
            int databaseFailures,
            int confirmationsDeliveredTwice,
            int takenOver) {

        /** True when every order has exactly one license. */
        public boolean holds() {
            return licenses == orders && duplicates == 0 && lost == 0;
        }

        /** The summary line. */
        public String summary() {
            return "orders " + orders + ", licenses " + licenses + ", duplicates " + duplicates + ", lost " + lost;
        }
    }

    /** Runs the scenario. */
    public static Outcome run(Settings settings) {
        TestClock clock = TestClock.at(Instant.parse("2026-03-10T08:00:00Z"));
        SandboxFaults faults = SandboxFaults.builder()
                .failureRate(settings.failureRate())
                .loseRate(settings.loseRate())
                .rateLimit(RateLimitFault.perSecond(40))
                .tokenTtl(Duration.ofSeconds(2))
                .build();
        try (EsetSandbox sandbox = EsetSandbox.builder()
                .seed(settings.seed())
                .faults(faults)
                .clock(clock)
                .start()) {
            EsetPartnerApi client = EsetPartnerClient.builder()
                    .baseUri(sandbox.baseUri())
                    .credentials(sandbox.username(), sandbox.password())
                    .retry(RetrySettings.builder()
                            .maxAttempts(5)
                            .baseDelay(Duration.ofMillis(5))
                            .maxDelay(Duration.ofMillis(200))
                            .jitterSeed(settings.seed())
                            .build())
                    .circuitBreaker(CircuitBreakerSettings.builder()
                            .failureRatePercent(100)
                            .build())
                    // the client's own limiter runs on real time; the 429 bursts come from the sandbox instead
                    .rateLimit(RateLimitSettings.perSecond(1_000_000))
                    .clock(clock)
                    .waiter(clock::advance)
                    .build();
            DataSource database = JdbcStorage.h2InMemory("chaos-" + settings.seed() + "-" + System.nanoTime());
            FaultyDataSource journalDatabase = FaultyDataSource.around(database);
            if (settings.autoCommitOff()) {
                journalDatabase.autoCommitOff();
            }
            JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
            // the journal as the scenario checks it, on healthy connections
            OrderJournal journal = JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER);
            List<IdempotencyKey> keys = new ArrayList<>();
            Random random = new Random(settings.seed());
            List<Product> products = settings.catalog().products();
            Map<String, Integer> deliveries = new HashMap<>();
            ConfirmationListener listener = event -> deliveries.merge(event.eventId(), 1, Integer::sum);
            if (settings.databaseFailureRate() > 0) {
                journalDatabase.failRandomly(settings.databaseFailureRate(), settings.seed());
            }

            SlowApi slow = new SlowApi(client, clock, settings.slowSendRate(), settings.seed());
            EsetShop helper = settings.slowSendRate() > 0
                    ? build(() -> shop(settings, slow, clock, database, journalDatabase, "shop-c", listener))
                    : null;
            slow.whileSlow(() -> {
                try {
                    helper.reconcile();
                } catch (StorageException failure) {
                    // the database failed under the helper too; the journal keeps the order for later
                }
            });
            DroppingApi firstApi = new DroppingApi(slow, settings.restartAt());
            EsetShop shop = build(() -> shop(settings, firstApi, clock, database, journalDatabase, "shop-a", listener));
            int pending = 0;
            for (int i = 1; i <= settings.orders(); i++) {
                clock.advance(Duration.ofMillis(50));
                NewLicenseRequest request = request(products.get(random.nextInt(products.size())), random);
                IdempotencyKey key = IdempotencyKey.of("chaos-" + settings.seed() + "-" + i);
                keys.add(key);
                OrderResult result = null;
                // the marketplace retries a purchase the journal could not record, under the purchase's own key
                for (int attempt = 0; result == null; attempt++) {
                    try {
                        result = place(shop, request, clock, key);
                    } catch (DroppingApi.Dropped dropped) {
                        // the first shop is gone mid-order; a new one starts on the same journal once its claim
                        // lapsed, and the purchase is not retried: the journal settles it
                        clock.advance(LEASE.plusSeconds(1));
                        shop = build(() -> shop(settings, slow, clock, database, journalDatabase, "shop-b", listener));
                        result = new OrderResult.Pending(key, "dropped");
                    } catch (StorageException failure) {
                        if (attempt > 100) {
                            throw failure;
                        }
                        clock.advance(Duration.ofMillis(100));
                    }
                }
                if (result instanceof OrderResult.Pending) {
                    pending++;
                } else if (result instanceof OrderResult.Refused refused) {
                    throw new IllegalStateException("order " + i + " refused: " + refused);
                }
            }
            int rounds = 0;
            while ((!journal.pending().isEmpty() || !journal.undelivered().isEmpty()) && rounds < 200) {
                clock.advance(Duration.ofSeconds(10));
                try {
                    shop.reconcile();
                } catch (StorageException failure) {
                    // the next round tries again
                }
                rounds++;
            }
            int twice = (int)
                    deliveries.values().stream().filter(count -> count > 1).count();
            return outcome(
                    settings.orders(),
                    sandbox,
                    journal,
                    keys,
                    pending,
                    rounds,
                    journalDatabase.injectedFailures(),
                    twice,
                    slow.slowSends());
        }
    }

    /** Builds a shop, again while the database fails under its first reconcile. */
    private static EsetShop build(Supplier<EsetShop> shop) {
        for (int attempt = 0; ; attempt++) {
            try {
                EsetShop started = shop.get();
                started.reconcile(); // as a marketplace's instance does at start-up
                return started;
            } catch (StorageException failure) {
                if (attempt > 100) {
                    throw failure;
                }
            }
        }
    }

    private static EsetShop shop(
            Settings settings,
            EsetPartnerApi api,
            TestClock clock,
            DataSource database,
            DataSource journalDatabase,
            String owner,
            ConfirmationListener listener) {
        return EsetShop.builder()
                .catalog(settings.catalog())
                .partnerApi(api)
                .clock(clock)
                .orderJournal(JdbcOrderJournal.create(journalDatabase, JdbcStorage.DEFAULT_RESELLER))
                .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                .owner(owner)
                .claimLease(LEASE)
                .addConfirmationListener(listener)
                .build();
    }

    static NewLicenseRequest request(Product product, Random random) {
        int span = Math.min(product.maxSeats() - product.minSeats(), 20);
        return NewLicenseRequest.builder()
                .product(product.code().value())
                .seats(product.minSeats() + random.nextInt(span + 1))
                .years(1)
                .build();
    }

    static OrderResult place(EsetShop shop, NewLicenseRequest request, java.time.Clock clock, IdempotencyKey key) {
        QuoteResult quoted = shop.quote(request);
        if (!(quoted instanceof QuoteResult.Accepted accepted)) {
            throw new IllegalStateException("the catalog does not price " + request + ": " + quoted);
        }
        EndCustomer customer = EndCustomer.builder()
                .organization("Chaos Test Ltd")
                .firstName("Carla")
                .lastName("Chaos")
                .email("carla@chaos.example")
                .build();
        return shop.order(OrderRequest.forNewLicense(
                        accepted.quote(), EulaAcceptance.of("2025-01", "chaos", clock.instant()), customer)
                .withIdempotencyKey(key));
    }

    private static Outcome outcome(
            int orders,
            EsetSandbox sandbox,
            OrderJournal journal,
            List<IdempotencyKey> keys,
            int pending,
            int rounds,
            int databaseFailures,
            int twice,
            int takenOver) {
        Map<String, LicenseId> issued = sandbox.licensesByIdempotencyKey();
        int licenses = sandbox.ordersApplied();
        Set<LicenseId> distinct = new HashSet<>(issued.values());
        int duplicates = licenses - distinct.size();
        int lost = 0;
        for (IdempotencyKey key : keys) {
            JournalEntry entry = journal.find(key).orElse(null);
            boolean confirmed = entry != null
                    && entry.state() == JournalEntry.State.CONFIRMED
                    && entry.licenseId().equals(java.util.Optional.ofNullable(issued.get(key.value())));
            if (!confirmed) {
                lost++;
            }
        }
        return new Outcome(
                orders,
                licenses,
                duplicates,
                lost,
                pending,
                rounds,
                sandbox.requestsReceived(),
                databaseFailures,
                twice,
                takenOver);
    }

    /**
     * An API whose answer to a share of the orders (seeded) comes later than the claim lease: the clock moves past
     * the lease while the call is in flight, and the scenario's second shop reconciles meanwhile.
     */
    static final class SlowApi extends ForwardingPartnerApi {

        private final TestClock clock;
        private final double rate;
        private final Random random;
        private Runnable whileSlow = () -> {};
        private boolean inSlowSend;
        private int slowSends;

        SlowApi(EsetPartnerApi delegate, TestClock clock, double rate, long seed) {
            super(delegate);
            this.clock = clock;
            this.rate = rate;
            this.random = new Random(seed ^ 0x5EEDL);
        }

        void whileSlow(Runnable action) {
            this.whileSlow = action;
        }

        int slowSends() {
            return slowSends;
        }

        @Override
        public OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
            OrderReceipt receipt = super.order(order, key);
            if (rate > 0 && !inSlowSend && random.nextDouble() < rate) {
                inSlowSend = true;
                try {
                    slowSends++;
                    clock.advance(LEASE.plusSeconds(5));
                    whileSlow.run();
                } finally {
                    inSlowSend = false;
                }
            }
            return receipt;
        }
    }

    /** The first shop's API: the order call number {@code dropAt} commits at ESET, then the shop is gone. */
    static final class DroppingApi extends ForwardingPartnerApi {

        /** The shop stopped mid-call: an Error, as a process that dies is nothing the shop could catch. */
        static final class Dropped extends Error {
            private static final long serialVersionUID = 1L;

            Dropped() {
                super("the shop was dropped");
            }
        }

        private final int dropAt;
        private final AtomicInteger calls = new AtomicInteger();

        DroppingApi(EsetPartnerApi delegate, int dropAt) {
            super(delegate);
            this.dropAt = dropAt;
        }

        @Override
        public OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
            OrderReceipt receipt = super.order(order, key);
            if (calls.incrementAndGet() == dropAt) {
                throw new Dropped();
            }
            return receipt;
        }
    }
}
