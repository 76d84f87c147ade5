package dev.esetshop.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link QuoteBenchmark}'s quotes and floors timed in alternating batches of a few milliseconds on one thread, for
 * a machine whose neighbours take the cores away: a quote and its floor then run under the same load, and the
 * fastest batch of each, far shorter than a scheduler's time slice, is mostly one that ran undisturbed. Prints per
 * quote the ratio of the fastest batches and of the median ones.
 *
 * <p>As under JMH, the benchmark methods must not be inlined into the timing loops (the JIT would otherwise hoist the
 * floors' arithmetic on constant inputs out of the loop), so the run needs the compile command below:
 * <pre>{@code
 * java -XX:CompileCommand=quiet -XX:CompileCommand='dontinline,dev.esetshop.benchmarks.QuoteBenchmark::*' \
 *     -cp benchmarks/target/benchmarks.jar dev.esetshop.benchmarks.QuoteFloorRatio [rounds]
 * }</pre>
 */
public final class QuoteFloorRatio {

    private static final int BATCH = 10_000;
    private static final int BATCHES_PER_ROUND = 200;
    private static final int WARM_UP_BATCHES = 600;

    private QuoteFloorRatio() {}

    /**
     * Warms every benchmark method up, then times the rounds.
     *
     * @param args the number of rounds, 5 when absent
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(option -> option.contains("dontinline,dev.esetshop.benchmarks.QuoteBenchmark::"))) {
            System.err.println("run with -XX:CompileCommand='dontinline,dev.esetshop.benchmarks.QuoteBenchmark::*':"
                    + " inlined into the loop, the floors' arithmetic on constant inputs is hoisted out of it");
            System.exit(2);
        }
        QuoteBenchmark benchmark = new QuoteBenchmark();
        benchmark.catalogPath = BenchmarkFiles.SAMPLE_CATALOG;
        benchmark.setUp();
        Blackhole hole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < WARM_UP_BATCHES; i++) {
            newQuotes(benchmark, hole);
            newFloors(benchmark, hole);
            renewals(benchmark, hole);
            renewalFloors(benchmark, hole);
        }
        for (int round = 1; round <= rounds; round++) {
            long[][] nanos = new long[4][BATCHES_PER_ROUND];
            for (int i = 0; i < BATCHES_PER_ROUND; i++) {
                nanos[0][i] = newQuotes(benchmark, hole);
                nanos[1][i] = newFloors(benchmark, hole);
                nanos[2][i] = renewals(benchmark, hole);
                nanos[3][i] = renewalFloors(benchmark, hole);
            }
            System.out.println("round " + round + ": " + ratio("new license", nanos[0], nanos[1]) + "; "
                    + ratio("renewal with extension", nanos[2], nanos[3]));
        }
        hole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    // one loop per method, so that each call site sees one target and the JIT treats quote and floor alike

    private static long newQuotes(QuoteBenchmark benchmark, Blackhole hole) {
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            hole.consume(benchmark.seedNewQuote());
        }
        return System.nanoTime() - start;
    }

    private static long newFloors(QuoteBenchmark benchmark, Blackhole hole) {
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            benchmark.seedNewFloor(hole);
        }
        return System.nanoTime() - start;
    }

    private static long renewals(QuoteBenchmark benchmark, Blackhole hole) {
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            hole.consume(benchmark.renewalWithExtension());
        }
        return System.nanoTime() - start;
    }

    private static long renewalFloors(QuoteBenchmark benchmark, Blackhole hole) {
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            benchmark.renewalWithExtensionFloor(hole);
        }
        return System.nanoTime() - start;
    }

    private static String ratio(String name, long[] quote, long[] floor) {
        Arrays.sort(quote);
        Arrays.sort(floor);
        double bestQuote = (double) quote[0] / BATCH;
        double bestFloor = (double) floor[0] / BATCH;
        double medianQuote = (double) quote[quote.length / 2] / BATCH;
        double medianFloor = (double) floor[floor.length / 2] / BATCH;
        return String.format(
                "%s %.0f / %.0f ns = %.2fx fastest, %.0f / %.0f ns = %.2fx median",
                name, bestQuote, bestFloor, bestQuote / bestFloor, medianQuote, medianFloor, medianQuote / medianFloor);
    }
}
