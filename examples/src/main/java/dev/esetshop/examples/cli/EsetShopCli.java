package dev.esetshop.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./eset-shop}: the shop on the command line. Exit codes: 0 done (an order: ordered), 1 the work failed (a
 * one-line reason on standard error), 2 a bad command line (with a usage line), 3 an order refused (by the shop's
 * rules or by ESET), 4 an order pending (the outcome is not known yet; the journal settles it).
 */
@Command(
        name = "eset-shop",
        mixinStandardHelpOptions = true,
        version = "eset-shop 0.1.0",
        description = "The ESET license shop SDK on the command line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            EsetShopCli.EXIT_CODE_OK,
            EsetShopCli.EXIT_CODE_FAILURE,
            EsetShopCli.EXIT_CODE_USAGE,
            EsetShopCli.EXIT_CODE_REFUSED,
            EsetShopCli.EXIT_CODE_PENDING
        },
        // the web shop is its own application (examples/web-shop), started by the ./eset-shop script
        footer = {
            "%nThe example web shop: ./eset-shop web [--port N] (default 8080; log in as reseller-a or"
                    + " reseller-b, password demo)."
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            QuoteCommand.class,
            SandboxCommand.class,
            ChaosCommand.class,
            FleetSyncCommand.class,
            FleetInstanceCommand.class,
            OperationsCommands.Status.class,
            OperationsCommands.Sync.class,
            OperationsCommands.Licenses.class,
            OperationsCommands.LicenseDetail.class,
            OperationsCommands.Report.class,
            OperationsCommands.Order.class,
            OperationsCommands.Renew.class,
            OperationsCommands.Orders.class,
            OperationsCommands.Reconcile.class,
            OperationsCommands.Reminders.class,
        })
public final class EsetShopCli implements Runnable {

    /** Done; for {@code order}: ESET ordered. */
    static final int OK = 0;
    /** The work failed (unreachable host, wrong credentials, no such license): a one-line reason. */
    static final int FAILURE = 1;
    /** A bad command line. */
    static final int USAGE = 2;
    /** The order was refused, by the shop's rules or by ESET: nothing was ordered. */
    static final int REFUSED = 3;
    /** The order's outcome is not known yet: it is in the journal, and {@code reconcile} settles it. */
    static final int PENDING = 4;

    static final String EXIT_CODE_OK = "0:done; order: ordered";
    static final String EXIT_CODE_FAILURE = "1:failed (one line on standard error: unreachable, credentials, ...)";
    static final String EXIT_CODE_USAGE = "2:bad command line";
    static final String EXIT_CODE_REFUSED = "3:order refused (the shop's rules or ESET): nothing ordered";
    static final String EXIT_CODE_PENDING = "4:order pending: outcome unknown, the journal settles it (reconcile)";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's standard streams and returns its exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line on the given streams and returns its exit status (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new EsetShopCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println(exception.getMessage());
            failed.getErr().println(failed.getHelp().fullSynopsis().strip());
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println("eset-shop: " + oneLine(exception));
            return FAILURE;
        });
        return commandLine.execute(args);
    }

    /** A reason on one line, for the people at the terminal: never a stack trace. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: choose one of the commands below.");
    }
}
