package dev.esetshop.examples.chaos;

import dev.esetshop.testkit.ForwardingPartnerApi;
import dev.esetshop.testkit.TestClock;
import dev.esetshop.client.CircuitBreakerSettings;
import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.Product;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EulaAcceptance;
import dev.esetshop.sdk.OrderRequest;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderJournal;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.RateLimitFault;
import dev.esetshop.testkit.SandboxFaults;
import dev.esetshop.core.EndCustomer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
     */
    public record Settings(int orders, long seed, double failureRate, double loseRate, int restartAt, Catalog catalog) {
        /** Settings. */
        public Settings {
            Objects.requireNonNull(catalog, "catalog");
            if (orders < 1) {
                throw new IllegalArgumentException("orders must be at least 1");
            }
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
     */
    public record Outcome(int orders, int licenses, int duplicates, int lost, int pendingAfterOrdering,
            int reconcileRounds, long requests) {

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
        try (EsetSandbox sandbox = EsetSandbox.builder().seed(settings.seed()).faults(faults).clock(clock).start()) {
            EsetPartnerApi client = EsetPartnerClient.builder()
                    .baseUri(sandbox.baseUri())
                    .credentials(sandbox.username(), sandbox.password())
                    .retry(RetrySettings.builder()
                            .maxAttempts(5)
                            .baseDelay(Duration.ofMillis(5))
                            .maxDelay(Duration.ofMillis(200))
                            .jitterSeed(settings.seed())
                            .build())
                    .circuitBreaker(CircuitBreakerSettings.builder().failureRatePercent(100).build())
                    // the client's own limiter runs on real time; the 429 bursts come from the sandbox instead
                    .rateLimit(RateLimitSettings.builder().callsPerPeriod(1_000_000).build())
                    .clock(clock)
                    .waiter(clock::advance)
                    .build();
            DataSource database = JdbcStorage.h2InMemory("chaos-" + settings.seed() + "-" + System.nanoTime());
            OrderJournal journal = JdbcOrderJournal.create(database);
            List<IdempotencyKey> keys = new ArrayList<>();
            Supplier<IdempotencyKey> keySource = () -> {
                IdempotencyKey key = IdempotencyKey.of("chaos-" + settings.seed() + "-" + (keys.size() + 1));
                keys.add(key);
                return key;
            };
            Random random = new Random(settings.seed());
            List<Product> products = settings.catalog().products();

            DroppingApi firstApi = new DroppingApi(client, settings.restartAt());
            EsetShop shop = shop(settings, firstApi, clock, database, journal, keySource, "shop-a");
            int pending = 0;
            for (int i = 1; i <= settings.orders(); i++) {
                clock.advance(Duration.ofMillis(50));
                NewLicenseRequest request = request(products.get(random.nextInt(products.size())), random);
                OrderResult result;
                try {
                    result = place(shop, request, clock);
                } catch (DroppingApi.Dropped dropped) {
                    // the first shop is gone mid-order; a new one starts on the same journal once its claim lapsed
                    clock.advance(LEASE.plusSeconds(1));
                    shop = shop(settings, client, clock, database, journal, keySource, "shop-b");
                    continue;
                }
                if (result instanceof OrderResult.Pending) {
                    pending++;
                } else if (result instanceof OrderResult.Refused refused) {
                    throw new IllegalStateException("order " + i + " refused: " + refused);
                }
            }
            int rounds = 0;
            while (!journal.pending().isEmpty() && rounds < 100) {
                clock.advance(Duration.ofSeconds(1));
                shop.reconcile();
                rounds++;
            }
            return outcome(settings.orders(), sandbox, journal, keys, pending, rounds);
        }
    }

    private static EsetShop shop(Settings settings, EsetPartnerApi api, TestClock clock, DataSource database,
            OrderJournal journal, Supplier<IdempotencyKey> keys, String owner) {
        return EsetShop.builder()
                .catalog(settings.catalog())
                .partnerApi(api)
                .clock(clock)
                .orderJournal(journal)
                .licenseStore(JdbcLicenseStore.create(database))
                .owner(owner)
                .claimLease(LEASE)
                .idempotencyKeys(keys)
                .build();
    }

    private static NewLicenseRequest request(Product product, Random random) {
        int span = Math.min(product.maxSeats() - product.minSeats(), 20);
        return NewLicenseRequest.builder()
                .product(product.code().value())
                .seats(product.minSeats() + random.nextInt(span + 1))
                .years(1)
                .build();
    }

    private static OrderResult place(EsetShop shop, NewLicenseRequest request, TestClock clock) {
        QuoteResult quoted = shop.quote(request);
        if (!(quoted instanceof QuoteResult.Accepted accepted)) {
            throw new IllegalStateException("the catalog does not price " + request + ": " + quoted);
        }
        EndCustomer customer = EndCustomer.builder()
                .organization("Chaos Test Ltd").firstName("Carla").lastName("Chaos").email("carla@chaos.example")
                .build();
        return shop.order(OrderRequest.forNewLicense(accepted.quote(),
                EulaAcceptance.of("2025-01", "chaos", clock.instant()), customer));
    }

    private static Outcome outcome(int orders, EsetSandbox sandbox, OrderJournal journal, List<IdempotencyKey> keys,
            int pending, int rounds) {
        Map<String, String> issued = sandbox.licensesByIdempotencyKey();
        int licenses = sandbox.ordersApplied();
        Set<String> distinct = new HashSet<>(issued.values());
        int duplicates = licenses - distinct.size();
        int lost = 0;
        for (IdempotencyKey key : keys) {
            JournalEntry entry = journal.find(key).orElse(null);
            boolean confirmed = entry != null && entry.state() == JournalEntry.State.CONFIRMED
                    && entry.licenseId().equals(java.util.Optional.ofNullable(issued.get(key.value())));
            if (!confirmed) {
                lost++;
            }
        }
        return new Outcome(orders, licenses, duplicates, lost, pending, rounds, sandbox.requestsReceived());
    }

    /** The first shop's API: the order call number {@code dropAt} commits at ESET, then the shop is gone. */
    static final class DroppingApi extends ForwardingPartnerApi {

        /** The shop stopped mid-call: an Error, as a process that dies is nothing the shop could catch. */
        static final class Dropped extends Error {
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
