package dev.esetshop.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.modulepath.ModulePathMigration;
import dev.esetshop.sdk.jdbc.internal.Db;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tests run on the class path (see the parent pom), where every resource is visible; a host on the module path
 * sees the SDK as a named module, whose resources Flyway must still find. This runs a migration in a JVM with the SDK
 * and its runtime dependencies on the module path.
 */
class ModulePathMigrationTest {

    /** The runtime modules of the SDK: our modules' classes and the jars they need (test libraries are left out). */
    private static final List<String> RUNTIME_JARS = List.of(
            "eset-shop-core",
            "eset-shop-pricing",
            "eset-shop-eset-client",
            "flyway-",
            "HikariCP-",
            "h2-",
            "slf4j-",
            "jackson-",
            "fastexcel-0",
            "opczip-",
            "resilience4j-",
            "compiler-0"); // compiler: mustache.java

    @Test
    void flywayFindsTheScriptsInTheSdkModuleOnTheModulePath() throws Exception {
        List<String> classPath =
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String modulePath = classPath.stream()
                .filter(entry -> {
                    Path path = Path.of(entry);
                    String name = path.getFileName().toString();
                    return entry.endsWith(File.separator + "target" + File.separator + "classes")
                            || RUNTIME_JARS.stream().anyMatch(name::startsWith) && name.endsWith(".jar");
                })
                .collect(Collectors.joining(File.pathSeparator));
        String testClasses = classPath.stream()
                .filter(entry -> entry.endsWith("test-classes"))
                .findFirst()
                .orElseThrow();
        Process java = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--module-path",
                        modulePath,
                        "--add-modules",
                        "ALL-MODULE-PATH",
                        "-cp",
                        testClasses,
                        ModulePathMigration.class.getName())
                .redirectErrorStream(true)
                .start();
        java.getOutputStream().close();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).contains("schema " + Db.SCHEMA_VERSION + " in module dev.esetshop.sdk");
    }
}
