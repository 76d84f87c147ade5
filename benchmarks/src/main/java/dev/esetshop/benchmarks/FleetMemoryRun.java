package dev.esetshop.benchmarks;

import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.EsetSandbox;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap a registry of many resellers keeps: {@code REGISTERED} resellers in the directory, of which the first
 * {@code USED} are served one {@code status()} call each (so their shop, ESET client, token, breaker and rate limiter
 * are built), against one sandbox hosting {@code USED} partners. Floor: it runs in {@code -Xmx256m} without an
 * {@link OutOfMemoryError}. Prints the heap retained after a full GC (MemoryMXBean) before the registry, with every
 * shop open, and the difference per registered and per used reseller.
 *
 * <p>The sandbox runs in this JVM (no licenses, so it holds little) and counts in the "before" figure, which is
 * subtracted.
 *
 * <p>Run: {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.esetshop.benchmarks.FleetMemoryRun 10000 1000}.
 */
public final class FleetMemoryRun {

    private FleetMemoryRun() {}

    /**
     * Runs with {@code args[0]} registered and {@code args[1]} used resellers (default 10,000 and 1,000).
     *
     * @throws InterruptedException when interrupted while letting the GC settle
     */
    public static void main(String[] args) throws InterruptedException {
        int registered = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int used = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        if (used > registered || used < 1) {
            throw new IllegalArgumentException("need 1 <= used <= registered, not " + used + " of " + registered);
        }
        PrintStream out = System.out;
        ResellerDirectory directory = BenchFleet.directory(registered, used);
        try (EsetSandbox sandbox =
                EsetSandbox.builder().port(0).seed(1).partners(used).licenses(0).start()) {
            long before = BenchFleet.retainedHeap();
            List<Object> keep = new ArrayList<>();
            try (EsetShops shops = EsetShops.builder()
                    .directory(directory)
                    .catalog(Catalog.sample())
                    .baseUri(sandbox.baseUri())
                    .dataSource(JdbcStorage.h2InMemory("fleet-memory"))
                    .build()
                    .start()) {
                long started = BenchFleet.retainedHeap();
                for (int i = 0; i < used; i++) {
                    keep.add(shops.shop(BenchFleet.reseller(i)).status());
                }
                long opened = BenchFleet.retainedHeap();
                out.printf("registered %,d, used %,d (one status() each)%n", registered, used);
                out.printf(
                        "retained heap: %,d KB with the sandbox, %,d KB registry started,"
                                + " %,d KB with %,d shops open%n",
                        before / 1024, started / 1024, opened / 1024, used);
                out.printf(
                        "registry: %,d KB in all = %,d B per registered reseller, %,d B per used reseller%n",
                        (opened - before) / 1024, (opened - before) / registered, (opened - started) / used);
                out.printf("max heap %,d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
            if (keep.size() != used) {
                throw new IllegalStateException("only " + keep.size() + " of " + used + " shops answered");
            }
        }
    }
}
