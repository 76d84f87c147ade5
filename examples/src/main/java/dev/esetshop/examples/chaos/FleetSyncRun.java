package dev.esetshop.examples.chaos;

import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.SandboxFaults;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A fleet sync across processes: one sandbox (this process) hosting a partner per reseller, with latency per call;
 * {@code instances} child JVMs each running {@code EsetShops.syncAll} on the same database until every reseller's book
 * is synced; optionally one instance killed with SIGKILL half-way through its share. Counted from the instances'
 * reports and the database: every reseller synced, none twice.
 */
public final class FleetSyncRun {

    private FleetSyncRun() {}

    /**
     * What to run.
     *
     * @param concurrency resellers each instance syncs at once
     * @param callsPerSecond each reseller's client rate limit
     * @param latency the sandbox's latency per call
     */
    public record Settings(
            int instances,
            int resellers,
            int licenses,
            long seed,
            int concurrency,
            int callsPerSecond,
            Duration latency,
            boolean killOne,
            DataSource storage,
            List<String> storageArguments) {}

    /**
     * What happened.
     *
     * @param synced resellers whose book was synced in the round (its cursor completed after the round began)
     * @param syncedTwice resellers synced by more than one instance (or twice by one) in the round
     * @param failed resellers not synced
     * @param licenses licenses in the resellers' books at the end
     * @param time from the first instance's start to the last one's end
     */
    public record Outcome(
            int resellers, int synced, int syncedTwice, int failed, long licenses, boolean killed, Duration time) {

        /** True when every reseller was synced exactly once. */
        public boolean holds() {
            return synced == resellers && syncedTwice == 0 && failed == 0;
        }

        /** The summary line. */
        public String summary() {
            return "resellers " + resellers + ", synced " + synced + ", synced twice " + syncedTwice + ", failed "
                    + failed + ", licenses " + licenses;
        }
    }

    /** Runs the round. */
    public static Outcome run(Settings settings, PrintWriter out) throws InterruptedException {
        String run = "s" + Long.toString(System.currentTimeMillis(), 36);
        try (EsetSandbox sandbox = EsetSandbox.builder()
                .seed(settings.seed())
                .partners(settings.resellers())
                .licenses(settings.licenses())
                .faults(SandboxFaults.builder().latency(settings.latency()).build())
                .serverThreads(Math.max(8, settings.instances() * settings.concurrency() * 2))
                .start()) {
            JdbcStorage.migrate(settings.storage(), JdbcStorage.DEFAULT_RESELLER);
            Instant since = Instant.now();
            Map<String, AtomicInteger> syncs = new ConcurrentHashMap<>();
            int victim = settings.killOne() && settings.instances() > 1 ? 0 : -1;
            int killAt = Math.max(1, settings.resellers() / settings.instances() / 2);
            AtomicInteger victimSynced = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            List<InstanceProcess> instances = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < settings.instances(); i++) {
                int index = i;
                List<String> arguments = new ArrayList<>(List.of(
                        "--mode",
                        "sync",
                        "--base-url",
                        sandbox.baseUri().toString(),
                        "--run",
                        run,
                        "--resellers",
                        Integer.toString(settings.resellers()),
                        "--index",
                        Integer.toString(i),
                        "--instances",
                        Integer.toString(settings.instances()),
                        "--seed",
                        Long.toString(settings.seed()),
                        "--since",
                        Long.toString(since.toEpochMilli()),
                        "--concurrency",
                        Integer.toString(settings.concurrency()),
                        "--calls-per-second",
                        Integer.toString(settings.callsPerSecond())));
                arguments.addAll(settings.storageArguments());
                InstanceProcess[] self = new InstanceProcess[1];
                self[0] = InstanceProcess.start(i, arguments, line -> {
                    if (!line.startsWith("synced ")) {
                        return;
                    }
                    syncs.computeIfAbsent(line.substring(7), reseller -> new AtomicInteger())
                            .incrementAndGet();
                    if (index == victim
                            && victimSynced.incrementAndGet() >= killAt
                            && killed.compareAndSet(false, true)) {
                        self[0].kill();
                    }
                });
                instances.add(self[0]);
            }
            for (InstanceProcess instance : instances) {
                int status = instance.await(TimeUnit.MINUTES.toSeconds(30));
                if (instance.index() != victim && status != 0) {
                    out.println("instance " + instance.index() + " ended with status " + status);
                }
            }
            Duration time = Duration.between(start, Instant.now());
            SandboxResellers resellers = new SandboxResellers(run, settings.resellers());
            long licenses = 0;
            int synced = 0;
            int twice = 0;
            for (int i = 0; i < settings.resellers(); i++) {
                JdbcLicenseStore book = JdbcLicenseStore.create(settings.storage(), resellers.reseller(i));
                licenses += book.count();
                // synced by the database's word: a killed instance may have completed a sync it did not report
                boolean completed = book.cursor()
                        .filter(cursor -> !cursor.inProgress())
                        .flatMap(SyncCursor::lastCompleted)
                        .filter(last -> !last.isBefore(since))
                        .isPresent();
                synced += completed ? 1 : 0;
                AtomicInteger count = syncs.get(resellers.reseller(i).value());
                twice += count != null && count.get() > 1 ? 1 : 0;
            }
            return new Outcome(
                    settings.resellers(), synced, twice, settings.resellers() - synced, licenses, killed.get(), time);
        }
    }
}
