package dev.esetshop.benchmarks;

import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.spring.EsetShopAutoConfiguration;
import dev.esetshop.testkit.EsetSandbox;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Threads and heap of the registry the Spring Boot starter builds: {@code REGISTERED} resellers in the host's
 * directory, of which the first {@code USED} are served one {@code status()} call each (so their shop and ESET client
 * are built, through the starter's {@code EsetPartnerApiFactory}), against one sandbox hosting {@code USED} partners.
 * Prints the JVM's threads (without the sandbox's own) before the context, after its start, with 10 % and with all
 * of the used resellers open, and the heap retained after a full GC.
 *
 * <p>Run: {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.esetshop.benchmarks.StarterFleetRun 10000 1000}.
 */
public final class StarterFleetRun {

    private StarterFleetRun() {}

    /**
     * Runs with {@code args[0]} registered and {@code args[1]} used resellers (default 10,000 and 1,000).
     *
     * @throws InterruptedException when interrupted while letting the GC settle
     */
    public static void main(String[] args) throws InterruptedException {
        int registered = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int used = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        if (used > registered || used < 10) {
            throw new IllegalArgumentException("need 10 <= used <= registered, not " + used + " of " + registered);
        }
        PrintStream out = System.out;
        ResellerDirectory directory = BenchFleet.directory(registered, used);
        try (EsetSandbox sandbox =
                EsetSandbox.builder().port(0).seed(1).partners(used).licenses(0).start()) {
            long before = BenchFleet.retainedHeap();
            int threadsBefore = serviceThreads();
            DataSource database = JdbcStorage.h2InMemory("starter-fleet");
            List<Object> keep = new ArrayList<>();
            try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "run",
                                Map.of(
                                        "eset.shop.base-url", sandbox.baseUri().toString(),
                                        "eset.shop.sync.enabled", "false",
                                        "eset.shop.reconcile.enabled", "false")));
                context.registerBean(ResellerDirectory.class, () -> directory);
                context.registerBean(DataSource.class, () -> database);
                context.register(EsetShopAutoConfiguration.class);
                context.refresh();
                EsetShops shops = context.getBean(EsetShops.class);
                long started = BenchFleet.retainedHeap();
                int threadsStarted = serviceThreads();
                int tenth = used / 10;
                for (int i = 0; i < tenth; i++) {
                    keep.add(shops.shop(BenchFleet.reseller(i)).status());
                }
                int threadsTenth = serviceThreads();
                for (int i = tenth; i < used; i++) {
                    keep.add(shops.shop(BenchFleet.reseller(i)).status());
                }
                int threadsAll = serviceThreads();
                Map<String, Long> byKind = Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .map(thread -> thread.getName().replaceAll("[0-9]+", "N"))
                        .filter(name -> !name.startsWith("eset-sandbox-") && !name.startsWith("HTTP-Dispatcher"))
                        .collect(Collectors.groupingBy(name -> name, TreeMap::new, Collectors.counting()));
                long opened = BenchFleet.retainedHeap();
                out.printf("through the starter: registered %,d, used %,d (one status() each)%n", registered, used);
                out.printf(
                        "threads (the sandbox's left out): %d before, %d context started, %d with %,d open,"
                                + " %d with %,d open%n",
                        threadsBefore, threadsStarted, threadsTenth, tenth, threadsAll, used);
                out.printf("threads by name: %s%n", byKind);
                out.printf(
                        "retained heap: %,d KB with the sandbox, %,d KB context started, %,d KB with %,d shops"
                                + " open%n",
                        before / 1024, started / 1024, opened / 1024, used);
                out.printf(
                        "starter: %,d KB in all, %,d B per used reseller; max heap %,d MB%n",
                        (opened - before) / 1024,
                        (opened - started) / used,
                        Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
            if (keep.size() != used) {
                throw new IllegalStateException("only " + keep.size() + " of " + used + " shops answered");
            }
        }
    }

    private static int serviceThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !thread.getName().startsWith("eset-sandbox-")
                        && !thread.getName().startsWith("HTTP-Dispatcher"))
                .count();
    }
}
