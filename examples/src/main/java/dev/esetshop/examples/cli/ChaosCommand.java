package dev.esetshop.examples.cli;

import dev.esetshop.examples.chaos.ChaosScenario;
import dev.esetshop.examples.chaos.FleetChaos;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./eset-shop chaos}: N orders against an embedded, failing sandbox with a restart midway, ending with
 * {@code orders N, licenses N, duplicates 0, lost 0}; exit 0 only when every order has exactly one license. With
 * several instances this process plays the marketplace ({@link FleetChaos}): N purchases, each under its cart key.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = "Places orders against a failing embedded sandbox, drops the shop midway, reconciles with a "
                + "new shop on the same H2 journal, and checks that every order has exactly one license.")
public final class ChaosCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--orders", required = true, description = "How many orders to place.")
    private int orders;

    @Option(names = "--seed", required = true, description = "The seed of the faults and the orders.")
    private long seed;

    @Option(
            names = "--failure-rate",
            defaultValue = "0.3",
            description = "Share of requests failing with 5xx (default ${DEFAULT-VALUE}).")
    private double failureRate;

    @Option(
            names = "--lose-rate",
            defaultValue = "0.1",
            description = "Share of committed orders whose answer is lost (default ${DEFAULT-VALUE}).")
    private double loseRate;

    @Option(
            names = "--restart-at",
            description = "The order during which the first shop is dropped (default: half way).")
    private Integer restartAt;

    @Option(
            names = "--autocommit-off",
            description = "Hand the journal connections with autoCommit=false, as some pools do.")
    private boolean autoCommitOff;

    @Option(
            names = "--db-failure-rate",
            defaultValue = "0",
            description = "Share of the journal's statements that fail, at random moments (default ${DEFAULT-VALUE}).")
    private double dbFailureRate;

    @Option(
            names = "--slow-send-rate",
            defaultValue = "0",
            description =
                    "Share of orders answered after the claim lease lapsed, while a second shop reconciles (default ${DEFAULT-VALUE}).")
    private double slowSendRate;

    @Option(
            names = "--instances",
            defaultValue = "1",
            description = "Instance processes placing the orders on one database (default ${DEFAULT-VALUE}: this"
                    + " process alone, with a restart midway, on an in-memory H2 journal).")
    private int instances;

    @Option(
            names = "--resellers",
            defaultValue = "1",
            description = "Resellers, each its own partner of the sandbox (default ${DEFAULT-VALUE}).")
    private int resellers;

    @Option(
            names = "--kill-one",
            description = "With several instances: kill one with SIGKILL half-way through its"
                    + " purchases, while it places one; the marketplace sends the purchases it did not answer again to the"
                    + " others, under the same keys.")
    private boolean killOne;

    @Option(
            names = "--resubmit-rate",
            defaultValue = "0.1",
            description = "With several instances: share of"
                    + " purchases the marketplace sends twice at once, to two instances (default ${DEFAULT-VALUE}).")
    private double resubmitRate;

    @Mixin
    private CatalogOption catalog;

    @Mixin
    private StorageOptions storage;

    @Override
    public Integer call() throws Exception {
        if (instances > 1 || resellers > 1 || storage.jdbcUrl().isPresent()) {
            return fleet();
        }
        if (orders < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--orders must be at least 1");
        }
        if (!(failureRate >= 0 && failureRate < 1)
                || !(loseRate >= 0 && loseRate <= 1)
                || !(dbFailureRate >= 0 && dbFailureRate < 1)
                || !(slowSendRate >= 0 && slowSendRate <= 1)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--failure-rate and --db-failure-rate"
                            + " must be in [0, 1), --lose-rate and --slow-send-rate in [0, 1]");
        }
        int restart = restartAt != null ? restartAt : Math.max(1, orders / 2);
        ChaosScenario.Outcome outcome = ChaosScenario.run(new ChaosScenario.Settings(
                orders,
                seed,
                failureRate,
                loseRate,
                restart,
                catalog.load(),
                autoCommitOff,
                dbFailureRate,
                slowSendRate));
        spec.commandLine()
                .getOut()
                .println("requests " + outcome.requests() + ", orders left pending by ESET "
                        + outcome.pendingAfterOrdering() + ", reconcile rounds " + outcome.reconcileRounds()
                        + ", database failures " + outcome.databaseFailures() + ", sends taken over "
                        + outcome.takenOver());
        spec.commandLine().getOut().println(outcome.summary());
        return outcome.holds() ? 0 : 1;
    }

    /** Several instance processes and resellers on one database: {@link FleetChaos}. */
    private int fleet() throws Exception {
        if (instances < 1 || resellers < 1 || orders < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--instances, --resellers and --orders must be at least 1");
        }
        if (storage.isH2File()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "instance processes share a database"
                            + " server: give --jdbc-url (an H2 file belongs to one process; jdbc:h2:file:PATH;AUTO_SERVER=TRUE"
                            + " shares one)");
        }
        if (!(failureRate >= 0 && failureRate < 1)
                || !(loseRate >= 0 && loseRate <= 1)
                || !(resubmitRate >= 0 && resubmitRate <= 1)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--failure-rate must be in [0, 1), --lose-rate and --resubmit-rate in [0, 1]");
        }
        FleetChaos.Outcome outcome = FleetChaos.run(
                new FleetChaos.Settings(
                        instances,
                        resellers,
                        orders,
                        seed,
                        failureRate,
                        loseRate,
                        killOne,
                        resubmitRate,
                        storage.open(),
                        storage.asArguments()),
                spec.commandLine().getOut());
        spec.commandLine()
                .getOut()
                .println(String.format(
                        java.util.Locale.ROOT,
                        "instances %d%s, resellers %d, sent twice %d, sent again after the kill %d, requests %d, time %.1f s",
                        instances,
                        outcome.killedAfter() >= 0 ? " (one killed after " + outcome.killedAfter() + " answers)" : "",
                        resellers,
                        outcome.sentTwice(),
                        outcome.resent(),
                        outcome.requests(),
                        outcome.time().toMillis() / 1000.0));
        spec.commandLine().getOut().println(outcome.summary());
        return outcome.holds() ? 0 : 1;
    }
}
