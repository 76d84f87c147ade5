package dev.esetshop.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start exactly as printed (its Java block, imports included) compiled against the artifacts a
 * marketplace depends on and run: against the sandbox, with the sample catalog from the pricing jar, so that what
 * a developer pastes compiles and works.
 */
class QuickStartTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "## Quick start for a marketplace developer";

    /** The first Java block of the quick start section. */
    static String quickStart() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int section = readme.indexOf(SECTION);
        assertThat(section).as("the README's quick start section").isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("\n```", start);
        return readme.substring(start, end + 1);
    }

    @Test
    void theQuickStartAsPrintedCompilesAndRunsAgainstTheSandbox(@TempDir Path dir) throws Exception {
        String source = quickStart();
        assertThat(source).startsWith("import ").contains("public class QuickStart");
        Path file = dir.resolve("QuickStart.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled;
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            compiled = javac.getTask(
                            new StringWriter(),
                            files,
                            diagnostics,
                            List.of(
                                    "-classpath",
                                    System.getProperty("java.class.path"),
                                    "-d",
                                    dir.toString(),
                                    "-Xlint:all",
                                    "-Werror",
                                    "-proc:none"),
                            null,
                            files.getJavaFileObjects(file))
                    .call();
        }
        assertThat(diagnostics.getDiagnostics())
                .as("compiler messages")
                .extracting(QuickStartTest::describe)
                .isEmpty();
        assertThat(compiled).isTrue();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, QuickStartTest.class.getClassLoader())) {
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("40/40", ": 40 licenses, 10 listed", "your price 112.95 EUR, street price 150.60 EUR")
                .containsPattern("ordered \\S+, ESET order \\S+")
                .contains("ESET Endpoint Antivirus");
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        return diagnostic.getKind() + " line " + diagnostic.getLineNumber() + ": "
                + diagnostic.getMessage(Locale.ENGLISH);
    }
}
