package dev.esetshop.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./eset-shop}: the shop on the command line. Exit codes: 0 done, 1 the work failed (a one-line reason on
 * standard error), 2 a bad command line (with a usage line).
 */
@Command(
        name = "eset-shop",
        mixinStandardHelpOptions = true,
        version = "eset-shop 0.1.0",
        description = "The ESET license shop SDK on the command line.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            QuoteCommand.class,
            SandboxCommand.class,
            ChaosCommand.class,
            OperationsCommands.Status.class,
            OperationsCommands.Sync.class,
            OperationsCommands.Licenses.class,
            OperationsCommands.Report.class,
            OperationsCommands.Order.class,
        })
public final class EsetShopCli implements Runnable {

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
            return 2;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println("eset-shop: " + oneLine(exception));
            return 1;
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
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of the commands below.");
    }
}
