package dev.esetshop.examples.cli;

import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.RateLimitFault;
import dev.esetshop.testkit.SandboxFaults;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./eset-shop sandbox}: runs the ESET sandbox in the foreground until it is killed, for trying the protocol
 * with curl or pointing a marketplace's own tests at it.
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = "Run the stateful, fault-injecting ESET sandbox on 127.0.0.1 until killed (Ctrl+C).")
public final class SandboxCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Loopback port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port = 0;

    @Option(names = "--licenses", paramLabel = "N", description = "Licenses to generate (default: ${DEFAULT-VALUE}).")
    private int licenses = 300;

    @Option(
            names = "--malformed",
            paramLabel = "N",
            description = "Generated licenses with a broken field (default: ${DEFAULT-VALUE}).")
    private int malformed = 0;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seed of licenses and faults (default: ${DEFAULT-VALUE}).")
    private long seed = 7;

    @Option(
            names = "--failure-rate",
            paramLabel = "F",
            description = "Share of transient 5xx answers in [0,1] (default: ${DEFAULT-VALUE}).")
    private double failureRate = 0;

    @Option(
            names = "--lose-rate",
            paramLabel = "L",
            description = "Share of order answers lost after the commit in [0,1] (default: ${DEFAULT-VALUE}).")
    private double loseRate = 0;

    @Option(
            names = "--rate-limit",
            paramLabel = "R",
            description = "Requests per second before 429; 0 for none (default: ${DEFAULT-VALUE}).")
    private int rateLimit = 0;

    @Option(
            names = "--token-ttl",
            paramLabel = "SECONDS",
            description = "Access token lifetime (default: ${DEFAULT-VALUE}).")
    private long tokenTtlSeconds = 60;

    @Option(
            names = "--no-access",
            description = "Start with the marketplace's access to the partner's data not granted (403, code 5).")
    private boolean noAccess;

    @Option(names = "--maintenance", description = "Start in a maintenance window (503, code 99, with Retry-After).")
    private boolean maintenance;

    /** Creates the command; picocli calls it. */
    public SandboxCommand() {}

    /** Starts the sandbox, prints how to reach it, and waits until the process is stopped. */
    @Override
    public Integer call() throws InterruptedException {
        EsetSandbox sandbox = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            stopped.countDown();
                        },
                        "eset-sandbox-shutdown"));
        print(spec.commandLine().getOut(), sandbox);
        try {
            stopped.await();
        } finally {
            sandbox.close();
        }
        return 0;
    }

    /** The sandbox as the options ask, started (the command then waits; tests close it themselves). */
    EsetSandbox start() {
        SandboxFaults faults = faults();
        if (port < 0 || port > 65_535) {
            throw bad("--port must be 0 to 65535, not " + port);
        }
        if (licenses < 0 || malformed < 0 || malformed > licenses) {
            throw bad("--licenses and --malformed must not be negative, and --malformed at most --licenses");
        }
        EsetSandbox sandbox = EsetSandbox.builder()
                .port(port)
                .seed(seed)
                .licenses(licenses)
                .malformedRecords(malformed)
                .faults(faults)
                .start();
        sandbox.setAccessGranted(!noAccess);
        sandbox.setMaintenance(maintenance);
        return sandbox;
    }

    private SandboxFaults faults() {
        requireRate("--failure-rate", failureRate);
        requireRate("--lose-rate", loseRate);
        if (rateLimit < 0) {
            throw bad("--rate-limit must not be negative, not " + rateLimit);
        }
        if (tokenTtlSeconds < 1) {
            throw bad("--token-ttl must be at least 1 second, not " + tokenTtlSeconds);
        }
        SandboxFaults.Builder builder = SandboxFaults.builder()
                .failureRate(failureRate)
                .loseRate(loseRate)
                .tokenTtl(Duration.ofSeconds(tokenTtlSeconds));
        if (rateLimit > 0) {
            builder.rateLimit(RateLimitFault.perSecond(rateLimit));
        }
        return builder.build();
    }

    private void requireRate(String option, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw bad(option + " must be between 0 and 1, not " + rate);
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private void print(PrintWriter out, EsetSandbox sandbox) {
        String base = sandbox.baseUri().toString();
        out.println("ESET sandbox running at " + base + " with " + sandbox.licenseCount() + " licenses.");
        if (noAccess) {
            out.println("  data access NOT granted: data and order calls answer 403 (code 5)");
        }
        if (maintenance) {
            out.println("  in MAINTENANCE: calls answer 503 (code 99) with Retry-After");
        }
        out.println("  username: " + sandbox.username());
        out.println("  password: " + sandbox.password().reveal());
        out.println("Try it:");
        out.println("  curl -s -X POST " + base + "/api/Token/Get -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"username\":\"" + sandbox.username() + "\",\"password\":\""
                + sandbox.password().reveal() + "\"}'");
        out.println("  curl -s -X POST " + base + "/api/Search/Licenses -H 'Content-Type: application/json' \\");
        out.println("       -H 'Authorization: Bearer <accessToken>' -d '{\"skip\":0,\"take\":10}'");
        out.println("Stop it with Ctrl+C.");
        out.flush();
    }
}
