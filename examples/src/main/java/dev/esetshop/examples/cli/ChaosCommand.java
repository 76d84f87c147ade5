package dev.esetshop.examples.cli;

import dev.esetshop.examples.chaos.ChaosScenario;
import dev.esetshop.pricing.catalog.Catalog;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./eset-shop chaos}: N orders against an embedded, failing sandbox with a restart midway, ending with
 * {@code orders N, licenses N, duplicates 0, lost 0}; exit 0 only when every order has exactly one license.
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

    @Option(names = "--failure-rate", defaultValue = "0.3", description = "Share of requests failing with 5xx (default ${DEFAULT-VALUE}).")
    private double failureRate;

    @Option(names = "--lose-rate", defaultValue = "0.1", description = "Share of committed orders whose answer is lost (default ${DEFAULT-VALUE}).")
    private double loseRate;

    @Option(names = "--restart-at", description = "The order during which the first shop is dropped (default: half way).")
    private Integer restartAt;

    @Mixin
    private CatalogOption catalog;

    @Override
    public Integer call() {
        if (orders < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--orders must be at least 1");
        }
        if (!(failureRate >= 0 && failureRate < 1) || !(loseRate >= 0 && loseRate <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--failure-rate must be in [0, 1) and --lose-rate in [0, 1]");
        }
        int restart = restartAt != null ? restartAt : Math.max(1, orders / 2);
        ChaosScenario.Outcome outcome = ChaosScenario.run(new ChaosScenario.Settings(
                orders, seed, failureRate, loseRate, restart, catalog.load()));
        spec.commandLine().getOut().println("requests " + outcome.requests() + ", orders left pending by ESET "
                + outcome.pendingAfterOrdering() + ", reconcile rounds " + outcome.reconcileRounds());
        spec.commandLine().getOut().println(outcome.summary());
        return outcome.holds() ? 0 : 1;
    }
}
