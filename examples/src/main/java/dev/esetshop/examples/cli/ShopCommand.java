package dev.esetshop.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * An operations command: it gets the shop options, writes to the command line's output and ends with the exit code
 * its work says ({@link EsetShopCli#OK} when done); failures end in {@link EsetShopCli}'s one-line handler (exit 1),
 * bad values in a {@code ParameterException} (exit 2).
 */
abstract class ShopCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ShopOptions options;

    /** Does the command's work, writing what the person at the terminal reads to {@code out}; the exit code. */
    abstract int run(PrintWriter out) throws IOException;

    @Override
    public final Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return run(out);
        } finally {
            out.flush();
        }
    }
}
