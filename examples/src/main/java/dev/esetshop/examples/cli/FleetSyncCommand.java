package dev.esetshop.examples.cli;

import dev.esetshop.examples.chaos.FleetSyncRun;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./eset-shop fleet-sync}: one sync round of many resellers by several instance processes on one database,
 * against a sandbox with latency; ends with {@code resellers R, synced R, synced twice 0, failed 0, licenses N}.
 */
@Command(
        name = "fleet-sync",
        mixinStandardHelpOptions = true,
        description = "Syncs every reseller of a sandbox hosting one partner per reseller with several instance"
                + " processes on one database, and checks that each reseller was synced once.")
public final class FleetSyncCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--instances", defaultValue = "1", description = "Instance processes (default ${DEFAULT-VALUE}).")
    private int instances;

    @Option(names = "--resellers", required = true, description = "Resellers, each its own ESET partner.")
    private int resellers;

    @Option(names = "--licenses", required = true, description = "Licenses per reseller.")
    private int licenses;

    @Option(names = "--seed", defaultValue = "7", description = "The seed of the licenses (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--concurrency",
            defaultValue = "8",
            description = "Resellers each instance syncs at once (default ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(
            names = "--calls-per-second",
            defaultValue = "10",
            description = "Each reseller's rate limit toward ESET (default ${DEFAULT-VALUE}).")
    private int callsPerSecond;

    @Option(
            names = "--latency-ms",
            defaultValue = "50",
            description = "The sandbox's latency per call in milliseconds (default ${DEFAULT-VALUE}).")
    private int latencyMillis;

    @Option(names = "--kill-one", description = "Kill one instance with SIGKILL half-way through its share.")
    private boolean killOne;

    @Mixin
    private StorageOptions storage;

    @Override
    public Integer call() throws Exception {
        if (instances < 1
                || resellers < 1
                || licenses < 0
                || concurrency < 1
                || callsPerSecond < 1
                || latencyMillis < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--instances, --resellers, --concurrency"
                            + " and --calls-per-second must be at least 1, --licenses and --latency-ms at least 0");
        }
        if (storage.isH2File()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "instance processes share a database"
                            + " server: give --jdbc-url (an H2 file belongs to one process; jdbc:h2:file:PATH;AUTO_SERVER=TRUE"
                            + " shares one)");
        }
        FleetSyncRun.Outcome outcome = FleetSyncRun.run(
                new FleetSyncRun.Settings(
                        instances,
                        resellers,
                        licenses,
                        seed,
                        concurrency,
                        callsPerSecond,
                        Duration.ofMillis(latencyMillis),
                        killOne,
                        storage.open(),
                        storage.asArguments()),
                spec.commandLine().getOut());
        spec.commandLine()
                .getOut()
                .println(String.format(
                        Locale.ROOT,
                        "time %.1f s (%d instances%s, %d resellers at once each, %d calls/s per reseller, %d ms latency)",
                        outcome.time().toMillis() / 1000.0,
                        instances,
                        outcome.killed() ? ", one killed" : "",
                        concurrency,
                        callsPerSecond,
                        latencyMillis));
        spec.commandLine().getOut().println(outcome.summary());
        return outcome.holds() ? EsetShopCli.OK : EsetShopCli.FAILURE;
    }
}
