package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nullness check of the build works: the compiler arguments the parent POM gives the main compile (read from
 * the POM itself, with the JVM options of {@code .mvn/jvm.config}) fail a compile on a nullness error in a
 * {@code @NullMarked} package, and every package of the library modules is {@code @NullMarked}.
 */
class NullnessGuardTest {

    private static final List<String> LIBRARY_MODULES = List.of(
            "eset-shop-core",
            "eset-shop-pricing",
            "eset-shop-eset-client",
            "eset-shop-testkit",
            "eset-shop-sdk",
            "eset-shop-testkit-storage",
            "eset-shop-spring-boot-starter");

    private static final String NULL_MARKED = """
            @NullMarked
            package probe;

            import org.jspecify.annotations.NullMarked;
            """;

    private static final String RETURNS_NULL = """
            package probe;

            import org.jspecify.annotations.Nullable;

            public final class Probe {
                public static String name(@Nullable String given) {
                    return given;
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void aNullnessErrorInANullMarkedPackageFailsTheCompile() {
        Compiled compiled = compile(NULL_MARKED, RETURNS_NULL);

        assertThat(compiled.exitCode()).as(compiled.output()).isNotZero();
        assertThat(compiled.output())
                .contains("Probe.java")
                .contains("[NullAway] returning @Nullable expression from method with @NonNull return type");
    }

    @Test
    void theSameCodeDeclaringItsNullCompiles() {
        Compiled compiled =
                compile(NULL_MARKED, RETURNS_NULL.replace("public static String", "public static @Nullable String"));

        assertThat(compiled.exitCode()).as(compiled.output()).isZero();
    }

    @Test
    void codeOutsideANullMarkedPackageIsNotChecked() {
        // the examples, the web shop and the benchmarks declare no nullness, so NullAway leaves them alone
        Compiled compiled = compile(null, RETURNS_NULL);

        assertThat(compiled.exitCode()).as(compiled.output()).isZero();
    }

    @Test
    void everyPackageOfTheLibraryModulesIsNullMarked() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (String module : LIBRARY_MODULES) {
            Path sources = root().resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> !file.getFileName().toString().equals("module-info.java"))
                        .map(Path::getParent)
                        .distinct()
                        .filter(folder -> !nullMarked(folder.resolve("package-info.java")))
                        .forEach(
                                folder -> unmarked.add(root().relativize(folder).toString()));
            }
        }

        assertThat(unmarked)
                .as("packages without @NullMarked in package-info.java")
                .isEmpty();
    }

    private static boolean nullMarked(Path packageInfo) {
        try {
            return Files.exists(packageInfo) && Files.readString(packageInfo).contains("@NullMarked");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Compiled(int exitCode, String output) {}

    /** Compiles the probe with javac in a process of its own, as Maven's main compile does (package-info optional). */
    private Compiled compile(String packageInfo, String probe) {
        try {
            Path sources = Files.createDirectories(work.resolve("src/probe"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
            for (String option : jvmOptions()) {
                command.add("-J" + option);
            }
            command.addAll(nullnessArguments());
            // the test class path holds JSpecify, Error Prone and NullAway (test dependencies of this module)
            String classPath = System.getProperty("java.class.path");
            command.addAll(List.of(
                    "-Xlint:all,-processing,-exports",
                    "-Werror",
                    "--release",
                    "17",
                    "-classpath",
                    classPath,
                    "-processorpath",
                    classPath,
                    "-d",
                    work.resolve("classes").toString()));
            if (packageInfo != null) {
                Files.writeString(sources.resolve("package-info.java"), packageInfo);
                command.add(sources.resolve("package-info.java").toString());
            }
            Files.writeString(sources.resolve("Probe.java"), probe);
            command.add(sources.resolve("Probe.java").toString());
            Process javac =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(javac.waitFor(2, TimeUnit.MINUTES)).as("javac ended").isTrue();
            return new Compiled(javac.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The compiler arguments the parent POM adds to the main compile (its default-compile execution). */
    private static List<String> nullnessArguments() throws IOException {
        String pom = Files.readString(root().resolve("pom.xml"));
        int execution = pom.indexOf("<id>default-compile</id>");
        assertThat(execution).as("the parent POM configures default-compile").isPositive();
        String arguments = pom.substring(execution, pom.indexOf("</compilerArgs>", execution));
        List<String> found = new ArrayList<>();
        Matcher arg = Pattern.compile("<arg>([^<]+)</arg>").matcher(arguments);
        while (arg.find()) {
            found.add(arg.group(1).trim());
        }
        assertThat(found)
                .anyMatch(argument ->
                        argument.startsWith("-Xplugin:ErrorProne") && argument.contains("-Xep:NullAway:ERROR"));
        return found;
    }

    /** The JVM options Maven runs javac with: Error Prone needs jdk.compiler opened on JDK 17. */
    private static List<String> jvmOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(root().resolve(".mvn/jvm.config"))) {
            for (String token : line.trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    options.add(token);
                }
            }
        }
        return options;
    }

    /** The repository's root: the folder of the parent POM above this module. */
    private static Path root() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.exists(folder.resolve(".mvn/jvm.config"))) {
            folder = folder.getParent();
        }
        assertThat(folder)
                .as("the repository root above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return folder;
    }
}
