package dev.esetshop.examples.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One instance of a multi-instance run: a child JVM running {@code eset-shop fleet-instance} on this JVM's class path,
 * whose output lines go to a listener (on a reader thread) and whose standard input takes commands.
 */
final class InstanceProcess {

    /** The line the listener gets last, when the instance's output ended (it exited or was killed). */
    static final String ENDED = "\u0000ended";

    /** The main class the child runs. */
    private static final String MAIN = "dev.esetshop.examples.cli.EsetShopCli";

    private final int index;
    private final Process process;
    private final Thread reader;
    private final Writer input;

    private InstanceProcess(int index, Process process, Consumer<String> onLine) {
        this.index = index;
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            onLine.accept(line);
                        }
                    } catch (IOException e) {
                        // the instance was killed: its output ends here
                    }
                    onLine.accept(ENDED);
                },
                "instance-" + index + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts instance {@code index} with the arguments of {@code fleet-instance}; its standard error is inherited. */
    static InstanceProcess start(int index, List<String> arguments, Consumer<String> onLine) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.add("fleet-instance");
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new InstanceProcess(index, process, onLine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start instance " + index, e);
        }
    }

    int index() {
        return index;
    }

    /** Sends a line to the instance's standard input. */
    void tell(String line) {
        try {
            input.write(line + "\n");
            input.flush();
        } catch (IOException e) {
            // the instance ended; what it was told no longer matters
        }
    }

    /** Kills the instance as the operating system would (SIGKILL): no shutdown hook, no finally block runs. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits for the instance to end and its output to be read; its exit status, or -1 after the timeout. */
    int await(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }
}
