package dev.esetshop.benchmarks;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.testkit.EsetSandbox;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** What the fleet runs ({@link FleetMemoryRun}, {@link StarterFleetRun}) share: the host's directory and the heap. */
final class BenchFleet {

    private static final String PREFIX = "bench-reseller-";

    private BenchFleet() {}

    /**
     * A directory of {@code registered} resellers; reseller i logs in as the sandbox's partner {@code i % used}, so
     * the first {@code used} have partners of their own and the others (never called) share theirs.
     */
    static ResellerDirectory directory(int registered, int used) {
        List<ResellerId> ids = IntStream.range(0, registered)
                .mapToObj(i -> ResellerId.of(PREFIX + i))
                .toList();
        return new ResellerDirectory() {
            @Override
            public Optional<ResellerAccount> account(ResellerId reseller) {
                String value = reseller.value();
                if (!value.startsWith(PREFIX)) {
                    return Optional.empty();
                }
                int index = Integer.parseInt(value.substring(PREFIX.length())) % used;
                return Optional.of(ResellerAccount.of(EsetSandbox.usernameOf(index), EsetSandbox.passwordOf(index)));
            }

            @Override
            public Iterable<ResellerId> resellers() {
                return ids;
            }
        };
    }

    /** The reseller the directory lists at {@code index}. */
    static ResellerId reseller(int index) {
        return ResellerId.of(PREFIX + index);
    }

    /** The heap still used after three full collections, a tenth of a second apart so the GC settles. */
    static long retainedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
