package dev.esetshop.examples.chaos;

import dev.esetshop.core.LicenseId;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.RateLimitFault;
import dev.esetshop.testkit.SandboxFaults;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The exactly-once scenario across processes: one sandbox (this process) hosting a partner per reseller, with 5xx,
 * answers lost after the commit, 429 bursts and short tokens; {@code instances} child JVMs placing orders for random
 * resellers through one {@code EsetShops} each on the same database; one of them killed with SIGKILL half-way through
 * its orders; the survivors then reconcile every reseller's open orders. Counted per reseller at the sandbox: every
 * order that reached a journal has exactly one license.
 */
public final class FleetChaos {

    private FleetChaos() {}

    /**
     * What to run.
     *
     * @param storage the shared database, and the arguments that open it in an instance
     */
    public record Settings(int instances, int resellers, int orders, long seed, double failureRate, double loseRate,
            boolean killOne, DataSource storage, List<String> storageArguments) {}

    /**
     * What happened.
     *
     * @param orders orders in the journals (the purchases the instances took; a killed instance takes no more)
     * @param licenses licenses the sandbox issued, over all partners
     * @param duplicates licenses issued beyond one per order
     * @param lost orders without their license confirmed in the journal
     * @param killedAfter orders the killed instance had placed when it was killed (-1: none killed)
     * @param requests API requests the sandbox received
     * @param time from the first instance's start to the last one's end
     */
    public record Outcome(int orders, int licenses, int duplicates, int lost, int killedAfter, long requests,
            Duration time) {

        /** True when every order has exactly one license. */
        public boolean holds() {
            return licenses == orders && duplicates == 0 && lost == 0;
        }

        /** The summary line. */
        public String summary() {
            return "orders " + orders + ", licenses " + licenses + ", duplicates " + duplicates + ", lost " + lost;
        }
    }

    /** Runs the scenario; the instances' failures go to this process's standard error. */
    public static Outcome run(Settings settings, PrintWriter out) throws InterruptedException {
        String run = "c" + Long.toString(System.currentTimeMillis(), 36);
        SandboxFaults faults = SandboxFaults.builder()
                .failureRate(settings.failureRate())
                .loseRate(settings.loseRate())
                .rateLimit(RateLimitFault.perSecond(250))
                .tokenTtl(Duration.ofSeconds(2))
                .build();
        try (EsetSandbox sandbox = EsetSandbox.builder().seed(settings.seed()).partners(settings.resellers())
                .faults(faults).serverThreads(8).start()) {
            JdbcStorage.migrate(settings.storage(), JdbcStorage.DEFAULT_RESELLER);
            int victim = settings.killOne() && settings.instances() > 1 ? 0 : -1;
            int victimShare = settings.orders() / settings.instances();
            int killAt = Math.max(1, victimShare / 2);
            CountDownLatch ordered = new CountDownLatch(settings.instances());
            AtomicInteger victimPlaced = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            List<InstanceProcess> instances = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < settings.instances(); i++) {
                int index = i;
                List<String> arguments = new ArrayList<>(List.of("--mode", "chaos", "--base-url",
                        sandbox.baseUri().toString(), "--run", run, "--resellers",
                        Integer.toString(settings.resellers()), "--index", Integer.toString(i), "--instances",
                        Integer.toString(settings.instances()), "--orders", Integer.toString(settings.orders()),
                        "--seed", Long.toString(settings.seed())));
                arguments.addAll(settings.storageArguments());
                InstanceProcess[] self = new InstanceProcess[1];
                AtomicBoolean doneOrdering = new AtomicBoolean();
                self[0] = InstanceProcess.start(i, arguments, line -> {
                    if (line.startsWith("placed ") && index == victim
                            && victimPlaced.incrementAndGet() >= killAt && killed.compareAndSet(false, true)) {
                        self[0].kill();
                    }
                    // an instance is done ordering when it says so, or when it ended (killed, or failed)
                    boolean done = line.equals("ordered") || line.equals(InstanceProcess.ENDED)
                            || index == victim && killed.get();
                    if (done && doneOrdering.compareAndSet(false, true)) {
                        ordered.countDown();
                    }
                });
                instances.add(self[0]);
            }
            if (!ordered.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the instances did not finish their orders in 30 minutes");
            }
            for (InstanceProcess instance : instances) {
                if (instance.index() != victim) {
                    instance.tell("reconcile");
                }
            }
            for (InstanceProcess instance : instances) {
                int status = instance.await(TimeUnit.MINUTES.toSeconds(15));
                if (instance.index() != victim && status != 0) {
                    out.println("instance " + instance.index() + " ended with status " + status);
                }
            }
            Duration time = Duration.between(start, Instant.now());
            return count(settings, sandbox, run, killed.get() ? victimPlaced.get() : -1, time);
        }
    }

    private static Outcome count(Settings settings, EsetSandbox sandbox, String run, int killedAfter, Duration time) {
        SandboxResellers resellers = new SandboxResellers(run, settings.resellers());
        int orders = 0;
        int licenses = 0;
        int duplicates = 0;
        int lost = 0;
        for (int i = 0; i < settings.resellers(); i++) {
            List<JournalEntry> entries = JdbcOrderJournal.create(settings.storage(), resellers.reseller(i))
                    .latest(Optional.empty(), Integer.MAX_VALUE);
            Map<String, LicenseId> issued = sandbox.licensesByIdempotencyKey(i);
            int applied = sandbox.ordersApplied(i);
            Set<LicenseId> distinct = new HashSet<>(issued.values());
            orders += entries.size();
            licenses += applied;
            duplicates += applied - distinct.size();
            for (JournalEntry entry : entries) {
                boolean confirmed = entry.state() == JournalEntry.State.CONFIRMED
                        && entry.licenseId().equals(Optional.ofNullable(issued.get(entry.key().value())));
                if (!confirmed) {
                    lost++;
                }
            }
        }
        return new Outcome(orders, licenses, duplicates, lost, killedAfter, sandbox.requestsReceived(), time);
    }
}
