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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The exactly-once scenario across processes, with this process playing the marketplace: one sandbox (this process)
 * hosting a partner per reseller, with 5xx, answers lost after the commit, 429 bursts and short tokens;
 * {@code instances} child JVMs serving purchases for random resellers through one {@code EsetShops} each on the same
 * database. Every purchase has a cart key, and the marketplace sends each to the next free instance (a share of them
 * twice at once, to two instances: the customer's double click). One instance is killed with SIGKILL half-way through
 * its share while it is placing a purchase; the purchases it had not answered (that one among them) are sent again by
 * the marketplace, under the same keys, to the survivors while they reconcile every reseller's open orders. Counted
 * per purchase at the sandbox and in the journals: every purchase has exactly one license.
 */
public final class FleetChaos {

    private static final String ANSWERED = "answered ";
    private static final String TAKING = "taking ";
    /** The answer a purchase sent to a killed instance gets: none. */
    private static final String NO_ANSWER = "";

    private FleetChaos() {}

    /**
     * What to run.
     *
     * @param orders the purchases the marketplace makes
     * @param resubmitRate the share of purchases sent twice at once, to two instances
     * @param storage the shared database, and the arguments that open it in an instance
     */
    public record Settings(
            int instances,
            int resellers,
            int orders,
            long seed,
            double failureRate,
            double loseRate,
            boolean killOne,
            double resubmitRate,
            DataSource storage,
            List<String> storageArguments) {}

    /**
     * What happened.
     *
     * @param orders the purchases
     * @param licenses licenses the sandbox issued, over all partners
     * @param duplicates licenses issued beyond one per purchase
     * @param lost purchases without their license confirmed in the journal
     * @param killedAfter purchases the killed instance had answered when it was killed (-1: none killed)
     * @param sentTwice purchases sent twice at once
     * @param resent purchases sent again because the instance they were sent to died before answering
     * @param requests API requests the sandbox received
     * @param time from the first instance's start to the last one's end
     */
    public record Outcome(
            int orders,
            int licenses,
            int duplicates,
            int lost,
            int killedAfter,
            int sentTwice,
            int resent,
            long requests,
            Duration time) {

        /** True when every purchase has exactly one license. */
        public boolean holds() {
            return licenses == orders && duplicates == 0 && lost == 0;
        }

        /** The summary line. */
        public String summary() {
            return "orders " + orders + ", licenses " + licenses + ", duplicates " + duplicates + ", lost " + lost;
        }
    }

    /** One instance as the marketplace sees it: the purchases sent to it that it has not answered yet. */
    private static final class Lane {
        final InstanceProcess process;
        final Map<Integer, CompletableFuture<String>> unanswered = new ConcurrentHashMap<>();
        volatile boolean dead;

        Lane(InstanceProcess process) {
            this.process = process;
        }

        /** Sends a purchase; the answer completes when the instance answers, empty when it died first. */
        synchronized CompletableFuture<String> send(int k) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            if (dead) {
                answer.complete(NO_ANSWER);
                return answer;
            }
            unanswered.put(k, answer);
            process.tell("order " + k);
            return answer;
        }

        void answered(int k, String answer) {
            CompletableFuture<String> waiting = unanswered.remove(k);
            if (waiting != null) {
                waiting.complete(answer);
            }
        }

        synchronized void died() {
            dead = true;
            unanswered.values().forEach(answer -> answer.complete(NO_ANSWER));
            unanswered.clear();
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
        try (EsetSandbox sandbox = EsetSandbox.builder()
                .seed(settings.seed())
                .partners(settings.resellers())
                .faults(faults)
                .serverThreads(8)
                .start()) {
            JdbcStorage.migrate(settings.storage(), JdbcStorage.DEFAULT_RESELLER);
            int victim = settings.killOne() && settings.instances() > 1 ? 0 : -1;
            int killAt = Math.max(1, settings.orders() / settings.instances() / 2);
            AtomicInteger victimAnswered = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            List<Lane> lanes = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < settings.instances(); i++) {
                int index = i;
                List<String> arguments = new ArrayList<>(List.of(
                        "--mode",
                        "chaos",
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
                        Long.toString(settings.seed())));
                arguments.addAll(settings.storageArguments());
                Lane[] lane = new Lane[1];
                InstanceProcess process = InstanceProcess.start(i, arguments, line -> {
                    if (line.startsWith(ANSWERED)) {
                        String[] parts = line.split(" ", 3);
                        if (index == victim) {
                            victimAnswered.incrementAndGet();
                        }
                        lane[0].answered(Integer.parseInt(parts[1]), parts[2]);
                    } else if (line.startsWith(TAKING)
                            && index == victim
                            && victimAnswered.get() >= killAt
                            && killed.compareAndSet(false, true)) {
                        // killed while it places a purchase: that one and any other it holds go unanswered
                        lane[0].process.kill();
                    } else if (line.equals(InstanceProcess.ENDED)) {
                        lane[0].died();
                    }
                });
                lane[0] = new Lane(process);
                lanes.add(lane[0]);
            }
            Random draws = new Random(settings.seed() ^ 0x5DEECE66DL);
            boolean[] twice = new boolean[settings.orders() + 1];
            for (int k = 1; k <= settings.orders(); k++) {
                twice[k] = draws.nextDouble() < settings.resubmitRate();
            }
            Queue<Integer> purchases = new ConcurrentLinkedQueue<>();
            for (int k = 1; k <= settings.orders(); k++) {
                purchases.add(k);
            }
            Queue<Integer> noAnswer = new ConcurrentLinkedQueue<>();
            AtomicInteger sentTwice = new AtomicInteger();
            List<Thread> marketplace = new ArrayList<>();
            for (Lane lane : lanes) {
                Thread thread = new Thread(
                        () -> {
                            while (!lane.dead) {
                                Integer k = purchases.poll();
                                if (k == null) {
                                    break;
                                }
                                List<CompletableFuture<String>> answers = new ArrayList<>();
                                answers.add(lane.send(k));
                                Optional<Lane> other = twice[k] ? another(lanes, lane) : Optional.empty();
                                if (other.isPresent()) {
                                    sentTwice.incrementAndGet();
                                    answers.add(other.get().send(k));
                                }
                                boolean heard = false;
                                for (CompletableFuture<String> answer : answers) {
                                    String said = answer.join();
                                    heard |= !said.equals(NO_ANSWER) && !said.startsWith(FleetInstance.FAILED);
                                }
                                if (!heard) {
                                    noAnswer.add(k);
                                }
                            }
                        },
                        "marketplace-" + lane.process.index());
                thread.start();
                marketplace.add(thread);
            }
            for (Thread thread : marketplace) {
                thread.join(TimeUnit.MINUTES.toMillis(30));
            }
            List<Lane> survivors = lanes.stream().filter(lane -> !lane.dead).toList();
            survivors.forEach(lane -> lane.process.tell("reconcile"));
            // the purchases nobody answered are sent again, under their keys, while the survivors reconcile
            int resent = 0;
            for (int round = 0; !noAnswer.isEmpty() && round < 10; round++) {
                List<Integer> again = new ArrayList<>(noAnswer);
                noAnswer.clear();
                List<CompletableFuture<String>> answers = new ArrayList<>();
                for (int i = 0; i < again.size(); i++) {
                    answers.add(survivors.get(i % survivors.size()).send(again.get(i)));
                }
                resent += again.size();
                for (int i = 0; i < again.size(); i++) {
                    String said = answers.get(i).join();
                    if (said.equals(NO_ANSWER) || said.startsWith(FleetInstance.FAILED)) {
                        noAnswer.add(again.get(i));
                    }
                }
            }
            survivors.forEach(lane -> lane.process.tell(FleetInstance.FINISH));
            for (Lane lane : lanes) {
                int status = lane.process.await(TimeUnit.MINUTES.toSeconds(15));
                if (lane.process.index() != victim && status != 0) {
                    out.println("instance " + lane.process.index() + " ended with status " + status);
                }
            }
            Duration time = Duration.between(start, Instant.now());
            return count(
                    settings,
                    sandbox,
                    run,
                    killed.get() ? victimAnswered.get() : -1,
                    sentTwice.get(),
                    resent,
                    time,
                    out);
        }
    }

    /** Another live instance than {@code lane}, the next one after it. */
    private static Optional<Lane> another(List<Lane> lanes, Lane lane) {
        int from = lanes.indexOf(lane);
        for (int step = 1; step < lanes.size(); step++) {
            Lane candidate = lanes.get((from + step) % lanes.size());
            if (!candidate.dead) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Outcome count(
            Settings settings,
            EsetSandbox sandbox,
            String run,
            int killedAfter,
            int sentTwice,
            int resent,
            Duration time,
            PrintWriter out) {
        SandboxResellers resellers = new SandboxResellers(run, settings.resellers());
        List<Map<String, JournalEntry>> journals = new ArrayList<>();
        int licenses = 0;
        int duplicates = 0;
        for (int i = 0; i < settings.resellers(); i++) {
            Map<String, JournalEntry> byKey = new HashMap<>();
            JdbcOrderJournal.create(settings.storage(), resellers.reseller(i))
                    .latest(Integer.MAX_VALUE)
                    .forEach(entry -> byKey.put(entry.key().value(), entry));
            journals.add(byKey);
            int applied = sandbox.ordersApplied(i);
            licenses += applied;
            duplicates +=
                    applied - new HashSet<>(sandbox.licensesByIdempotencyKey(i).values()).size();
        }
        int lost = 0;
        for (int k = 1; k <= settings.orders(); k++) {
            int reseller = FleetInstance.resellerOf(settings.seed(), settings.resellers(), k);
            String key = run + "-" + k;
            JournalEntry entry = journals.get(reseller).get(key);
            Optional<LicenseId> issued = Optional.ofNullable(
                    sandbox.licensesByIdempotencyKey(reseller).get(key));
            boolean confirmed = entry != null
                    && entry.state() == JournalEntry.State.CONFIRMED
                    && issued.isPresent()
                    && entry.licenseId().equals(issued);
            if (!confirmed) {
                lost++;
                out.println("lost purchase " + key + ": "
                        + (entry == null
                                ? "not in the journal"
                                : entry.state() + ", license "
                                        + entry.licenseId()
                                                .map(LicenseId::value)
                                                .orElse("-") + ", issued "
                                        + issued.map(LicenseId::value).orElse("-")));
            }
        }
        return new Outcome(
                settings.orders(),
                licenses,
                duplicates,
                lost,
                killedAfter,
                sentTwice,
                resent,
                sandbox.requestsReceived(),
                time);
    }
}
