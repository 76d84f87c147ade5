package dev.esetshop.examples.chaos;

import dev.esetshop.client.CircuitBreakerSettings;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.Product;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.FleetReconcileReport;
import dev.esetshop.sdk.FleetSyncReport;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * What one instance (a child JVM of {@code chaos --instances N} or {@code fleet-sync}) does: serves the purchases the
 * marketplace (the parent) sends it, or syncs the fleet, through one {@link EsetShops} on the shared database, and reports on its standard
 * output one line per event for the parent.
 */
public final class FleetInstance {

    /** How long a claim on a journal entry holds in a chaos run: a killed instance's order is taken over after it. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(5);

    /** How long a claim on a reseller's sync holds in a fleet-sync run without renewal. */
    static final Duration SYNC_LEASE = Duration.ofSeconds(10);

    private static final Duration PAUSE = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private FleetInstance() {}

    /** What the instance is told. */
    public record Settings(
            URI baseUri,
            String run,
            int resellers,
            int index,
            int instances,
            DataSource database,
            long seed,
            Catalog catalog) {}

    /**
     * Purchase {@code k} of a chaos run, as the marketplace and every instance draw it from the seed alone: the
     * reseller index, what is bought, and the cart key {@code <run>-<k>} it is bought under.
     */
    public record Purchase(int k, int reseller, NewLicenseRequest request, IdempotencyKey key) {}

    /** Draws purchase {@code k} (1-based) of a run; the same on every call, in every process. */
    public static Purchase purchase(String run, long seed, int resellers, Catalog catalog, int k) {
        Random random = draws(seed, k);
        int reseller = random.nextInt(resellers);
        List<Product> products = catalog.products();
        NewLicenseRequest request = ChaosScenario.request(products.get(random.nextInt(products.size())), random);
        return new Purchase(k, reseller, request, IdempotencyKey.of(run + "-" + k));
    }

    /** The index of the reseller purchase {@code k} is for (the first draw of {@link #purchase}). */
    public static int resellerOf(long seed, int resellers, int k) {
        return draws(seed, k).nextInt(resellers);
    }

    private static Random draws(long seed, int k) {
        return new Random(seed * 1_000_003L + k);
    }

    /**
     * Serves the marketplace (the parent) line by line from {@code commands}: {@code order k} places purchase
     * {@code k} under its cart key on a worker thread (several at once, as an instance serves several requests),
     * printing {@code taking k} when it starts and {@code answered k <Ordered|Refused|Pending>} when
     * {@code order()} answered; {@code reconcile} starts reconciling every reseller's open orders round after round
     * (those of a killed instance among them) while orders keep being served; {@code finish} (or the end of the
     * commands) ends the instance once no order of this run is open: {@code reconciled}.
     */
    public static void servePurchases(Settings settings, BlockingQueue<String> commands, PrintWriter out)
            throws InterruptedException {
        SandboxResellers resellers = new SandboxResellers(settings.run(), settings.resellers());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (EsetShops shops = EsetShops.builder()
                .directory(resellers)
                .catalog(settings.catalog())
                .baseUri(settings.baseUri())
                .client(client -> client.retry(RetrySettings.builder()
                                .maxAttempts(5)
                                .baseDelay(Duration.ofMillis(5))
                                .maxDelay(Duration.ofMillis(200))
                                .jitterSeed(settings.seed() + settings.index())
                                .build())
                        .circuitBreaker(CircuitBreakerSettings.builder()
                                .failureRatePercent(100)
                                .build())
                        // the sandbox's 429 bursts are the rate limit under test; the client's own stays out of it
                        .rateLimit(RateLimitSettings.perSecond(1_000_000)))
                .dataSource(settings.database())
                .instance(settings.run() + "-instance-" + settings.index())
                .claimLease(CLAIM_LEASE)
                // the run checks the orders at ESET, not the e-mails: the instance takes every confirmation and drops
                // it, so the reconcile below ends once the orders are settled (without a listener they stay open)
                .addConfirmationListener(event -> {})
                .build()
                .start()) {
            boolean reconciling = false;
            boolean finishing = false;
            Instant giveUp = Instant.MAX;
            while (Instant.now().isBefore(giveUp)) {
                String command = reconciling ? commands.poll(PAUSE.toMillis(), TimeUnit.MILLISECONDS) : commands.take();
                if (command != null && command.startsWith("order ")) {
                    Purchase purchase = purchase(
                            settings.run(),
                            settings.seed(),
                            settings.resellers(),
                            settings.catalog(),
                            Integer.parseInt(
                                    command.substring("order ".length()).strip()));
                    workers.execute(() -> serve(shops, resellers.reseller(purchase.reseller()), purchase, out));
                    continue;
                }
                if (command != null && command.equals("reconcile")) {
                    reconciling = true;
                    giveUp = Instant.now().plus(GIVE_UP);
                }
                if (command != null && command.equals(FINISH)) {
                    reconciling = true;
                    finishing = true;
                    giveUp = giveUp.equals(Instant.MAX) ? Instant.now().plus(GIVE_UP) : giveUp;
                }
                if (reconciling) {
                    FleetReconcileReport report = shops.reconcileAll();
                    // a database that earlier runs used may hold their resellers' open orders: not this run's business
                    boolean openHere = !report.reconciled().isEmpty()
                            || report.failed().stream()
                                    .anyMatch(failure -> resellers
                                            .account(failure.reseller())
                                            .isPresent());
                    if (finishing && !openHere) {
                        break;
                    }
                }
            }
            workers.shutdown();
            if (!workers.awaitTermination(GIVE_UP.toMinutes(), TimeUnit.MINUTES)) {
                workers.shutdownNow();
            }
            say(out, "reconciled");
        } finally {
            workers.shutdownNow();
        }
    }

    /** The answer to a purchase whose call failed with an exception. */
    public static final String FAILED = "Failed";

    /** The command that ends an instance once nothing of its run is open; also what the end of the commands means. */
    public static final String FINISH = "finish";

    private static void serve(EsetShops shops, ResellerId reseller, Purchase purchase, PrintWriter out) {
        say(out, "taking " + purchase.k());
        OrderResult result;
        try {
            result = place(shops, reseller, purchase.request(), purchase.key());
        } catch (RuntimeException failure) {
            // the marketplace sees an error page: it sends the purchase again later, under its key
            say(
                    out,
                    "answered " + purchase.k() + " " + FAILED + " "
                            + failure.getClass().getName());
            return;
        }
        if (result instanceof OrderResult.Refused refused) {
            say(out, "refused " + purchase.k() + " " + refused);
        }
        say(out, "answered " + purchase.k() + " " + result.getClass().getSimpleName());
    }

    private static void say(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /**
     * Syncs every reseller whose book was last completed before {@code since}, round after round, until all are
     * (rounds end early while other instances hold resellers); prints {@code synced <reseller>} per reseller this
     * instance synced, {@code failed <reseller> <code>} per failure, then {@code done}.
     */
    public static void syncFleet(
            Settings settings, Instant since, int concurrency, int callsPerSecond, PrintWriter out) {
        SandboxResellers resellers = new SandboxResellers(settings.run(), settings.resellers());
        Object printing = new Object();
        try (EsetShops shops = EsetShops.builder()
                .directory(resellers)
                .catalog(settings.catalog())
                .baseUri(settings.baseUri())
                .client(client -> client.rateLimit(
                        new RateLimitSettings(callsPerSecond, Duration.ofSeconds(1), Duration.ofSeconds(30))))
                .dataSource(settings.database())
                .instance(settings.run() + "-instance-" + settings.index())
                .syncConcurrency(concurrency)
                .syncLease(SYNC_LEASE)
                .onSynced((reseller, report) -> {
                    synchronized (printing) {
                        out.println("synced " + reseller);
                        out.flush();
                    }
                })
                .build()
                .start()) {
            Map<ResellerId, JdbcLicenseStore> books = new HashMap<>();
            Instant giveUp = Instant.now().plus(GIVE_UP);
            while (Instant.now().isBefore(giveUp)) {
                FleetSyncReport round = shops.syncAll(Duration.between(since, Instant.now()));
                round.failed().forEach(failure -> out.println("failed " + failure.reseller() + " " + failure.code()));
                if (allSyncedSince(settings.database(), resellers, since, books)) {
                    break;
                }
                if (round.synced() == 0) {
                    pause();
                }
            }
            out.println("done");
            out.flush();
        }
    }

    private static boolean allSyncedSince(
            DataSource database, SandboxResellers resellers, Instant since, Map<ResellerId, JdbcLicenseStore> books) {
        for (ResellerId reseller : resellers.resellers()) {
            Optional<SyncCursor> cursor = books.computeIfAbsent(reseller, id -> JdbcLicenseStore.create(database, id))
                    .cursor();
            boolean done = cursor.isPresent()
                    && !cursor.get().inProgress()
                    && cursor.get()
                            .lastCompleted()
                            .filter(last -> !last.isBefore(since))
                            .isPresent();
            if (!done) {
                return false;
            }
        }
        return true;
    }

    /**
     * An order through the reseller's shop. A purchase that failed before it was settled (the journal could not
     * record it, or ESET kept failing while the shop opened or checked the partner) is retried under its key, as a
     * marketplace would; a key the journal already has is the journal's to settle.
     */
    private static OrderResult place(
            EsetShops shops, ResellerId reseller, NewLicenseRequest request, IdempotencyKey key) {
        for (int attempt = 0; ; attempt++) {
            try {
                return ChaosScenario.place(shops.shop(reseller), request, Clock.systemUTC(), key);
            } catch (EsetShopException failure) {
                if (attempt >= 5) {
                    return new OrderResult.Pending(key, failure.code());
                }
                pause();
            }
        }
    }

    // The instance is a process of its own, not a test: it waits in real time between rounds.
    private static void pause() {
        LockSupport.parkNanos(PAUSE.toNanos());
    }
}
