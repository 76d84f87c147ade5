package dev.esetshop.benchmarks;

import dev.esetshop.testkit.EsetSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * An ESET sandbox in a JVM of its own, so that its generated licenses do not count against the heap of the JVM a
 * benchmark measures. Prints the sandbox's base URI as one line on standard output and serves until its standard
 * input closes, which happens at the latest when the parent process dies, so it never outlives the benchmark.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.esetshop.benchmarks.SandboxProcess LICENSES SEED}.
 */
public final class SandboxProcess {

    private SandboxProcess() {}

    /**
     * Starts the sandbox with {@code args[0]} licenses and seed {@code args[1]} on an ephemeral loopback port.
     *
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SandboxProcess LICENSES SEED");
        }
        int licenses = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        try (EsetSandbox sandbox = EsetSandbox.builder().port(0).seed(seed).licenses(licenses).start()) {
            PrintStream out = System.out;
            out.println(sandbox.baseUri());
            out.flush();
            InputStream in = System.in;
            byte[] discard = new byte[256];
            while (in.read(discard) >= 0) {
                // the parent writes nothing; end of input is the signal to stop
            }
        }
    }
}
