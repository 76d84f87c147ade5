package dev.esetshop.examples.cli;

import dev.esetshop.examples.chaos.FleetInstance;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./eset-shop fleet-instance}: one instance of {@code chaos --instances N} or {@code fleet-sync}, started by
 * them as a child JVM; it talks to its parent through standard input and output. Hidden: not for people.
 */
@Command(name = "fleet-instance", hidden = true, description = "One instance of a multi-instance run (internal).")
public final class FleetInstanceCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", required = true, description = "chaos or sync")
    private String mode;

    @Option(names = "--base-url", required = true)
    private URI baseUrl;

    @Option(names = "--run", required = true)
    private String run;

    @Option(names = "--resellers", required = true)
    private int resellers;

    @Option(names = "--index", required = true)
    private int index;

    @Option(names = "--instances", required = true)
    private int instances;

    @Option(names = "--seed", required = true)
    private long seed;

    @Option(names = "--since", defaultValue = "0")
    private long since;

    @Option(names = "--concurrency", defaultValue = "4")
    private int concurrency;

    @Option(names = "--calls-per-second", defaultValue = "10")
    private int callsPerSecond;

    @Mixin
    private StorageOptions storage;

    @Mixin
    private CatalogOption catalog;

    @Override
    public Integer call() throws Exception {
        FleetInstance.Settings settings = new FleetInstance.Settings(
                baseUrl, run, resellers, index, instances, storage.open(), seed, catalog.load());
        if (mode.equals("sync")) {
            FleetInstance.syncFleet(
                    settings,
                    Instant.ofEpochMilli(since),
                    concurrency,
                    callsPerSecond,
                    spec.commandLine().getOut());
            return EsetShopCli.OK;
        }
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            commands.add(line.strip());
                        }
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        // the parent is gone: settle what is open on our own rather than wait for nobody
                        commands.add(FleetInstance.FINISH);
                    }
                },
                "parent-commands");
        reader.setDaemon(true);
        reader.start();
        FleetInstance.servePurchases(settings, commands, spec.commandLine().getOut());
        return EsetShopCli.OK;
    }
}
