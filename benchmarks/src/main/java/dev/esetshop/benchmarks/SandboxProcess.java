package dev.esetshop.benchmarks;

import dev.esetshop.testkit.EsetSandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        try (EsetSandbox sandbox =
                EsetSandbox.builder().port(0).seed(seed).licenses(licenses).start()) {
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

    /**
     * Starts a sandbox process with the given licenses and seed, from this JVM's own java binary and class path.
     *
     * @throws IOException when the process cannot be started
     */
    static Process start(int licenses, long seed) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java binary runs this JVM"));
        return new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        SandboxProcess.class.getName(),
                        Integer.toString(licenses),
                        Long.toString(seed)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /**
     * The base URI a started sandbox process printed.
     *
     * @throws IOException when its output cannot be read
     * @throws InterruptedException when interrupted while waiting for a failed process to end
     */
    static URI baseUri(Process process) throws IOException, InterruptedException {
        // not closed: closing the reader would close the child's standard output, which it may still write to
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            // its output closes a moment before it exits; wait for the exit code, which says what went wrong
            boolean ended = process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
            throw new IllegalStateException("the sandbox process ended before it printed its address (exit code "
                    + (ended ? Integer.toString(process.exitValue()) : "unknown") + "; its error is above)");
        }
        return URI.create(line.trim());
    }

    /**
     * Stops a sandbox process by closing its standard input, and waits for it.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    static void stop(Process process) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // its input is closed already: it is ending
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
