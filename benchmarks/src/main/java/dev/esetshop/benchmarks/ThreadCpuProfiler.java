package dev.esetshop.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation of the calling side: the CPU every thread of the benchmark JVM spent in an iteration
 * (ThreadMXBean, per thread), divided by the operations of the iteration. A benchmark's loopback server (threads
 * named {@value #STUB_PREFIX}..., and the JDK server's {@value #JDK_SERVER_DISPATCHER}) and the JIT compiler's
 * threads are left out, so the figure is what the code under test and its HTTP client cost, not the stub answering
 * it. CPU time, unlike wall time, does not grow when a noisy machine takes the core away. A thread that ended
 * during the iteration is not seen, and neither are the JVM's own threads (GC): {@code cpu.process.norm} adds both,
 * as the process's CPU time less that of the live left-out threads (a compiler thread that ended is then counted
 * too, so it is the rougher figure). Use with
 * {@code -prof dev.esetshop.benchmarks.ThreadCpuProfiler}.
 */
public final class ThreadCpuProfiler implements InternalProfiler {

    /** The name prefix of threads that are not measured. */
    public static final String STUB_PREFIX = "bench-stub";

    /** The thread of {@code com.sun.net.httpserver.HttpServer} that accepts and dispatches, a stub's too. */
    static final String JDK_SERVER_DISPATCHER = "HTTP-Dispatcher";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    private Map<Long, Long> before = Map.of();
    private Map<Long, Long> excludedBefore = Map.of();
    private long processBefore;

    /** A profiler; JMH makes one per fork. */
    public ThreadCpuProfiler() {
        if (!THREADS.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure the CPU time of threads");
        }
        THREADS.setThreadCpuTimeEnabled(true);
    }

    @Override
    public String getDescription() {
        return "CPU time per operation of the calling side's threads (ThreadMXBean), the stub's threads left out";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = cpuByThread(true);
        excludedBefore = cpuByThread(false);
        processBefore = PROCESS.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long process = PROCESS.getProcessCpuTime() - processBefore;
        long spent = spentSince(before, cpuByThread(true));
        long excluded = spentSince(excludedBefore, cpuByThread(false));
        long ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult("cpu.time.norm", perOp(spent, ops), "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process.norm", perOp(process - excluded, ops), "ns/op", AggregationPolicy.AVG));
    }

    private static double perOp(long nanos, long ops) {
        return ops == 0 ? Double.NaN : (double) nanos / ops;
    }

    private static long spentSince(Map<Long, Long> before, Map<Long, Long> now) {
        long spent = 0;
        for (Map.Entry<Long, Long> thread : now.entrySet()) {
            spent += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return spent;
    }

    /** The CPU time so far of every live measured (or, when {@code measured} is false, left out) thread, by id. */
    private static Map<Long, Long> cpuByThread(boolean measured) {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        Map<Long, Long> cpu = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            String name = infos[i].getThreadName();
            boolean leftOut = name.startsWith(STUB_PREFIX)
                    || name.equals(JDK_SERVER_DISPATCHER)
                    || name.contains("CompilerThread");
            if (leftOut == measured) {
                continue;
            }
            long nanos = THREADS.getThreadCpuTime(ids[i]);
            if (nanos >= 0) {
                cpu.put(ids[i], nanos);
            }
        }
        return cpu;
    }
}
