package dev.esetshop.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in this JVM: its exit status and what it printed. */
record CliRun(int status, String out, String err) {

    /** Runs {@code eset-shop args...} and keeps what it printed. */
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EsetShopCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
