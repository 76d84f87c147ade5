package dev.esetshop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.spring.internal.UnknownProperties;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter's guide ({@code docs/spring-boot.md}) as printed: every Java block compiles (as members of a host's configuration class,
 * beside stand-ins for the host's own types), and every key of its YAML block is a property the starter knows.
 */
class StarterReadmeTest {

    private static final Path GUIDE = Path.of("..", "docs", "spring-boot.md");
    private static final String TITLE = "# Spring Boot: the starter";

    /** What a host's configuration class around the snippets has: imports, and its own repository, vault, mailer. */
    private static final String PRELUDE = """
            import static org.assertj.core.api.Assertions.assertThat;

            import dev.esetshop.core.ResellerId;
            import dev.esetshop.core.Secret;
            import dev.esetshop.sdk.EsetShops;
            import dev.esetshop.sdk.ResellerAccount;
            import dev.esetshop.sdk.ResellerDirectory;
            import dev.esetshop.sdk.confirm.ConfirmationEmail;
            import dev.esetshop.sdk.confirm.ConfirmationListener;
            import dev.esetshop.sdk.confirm.RenderedEmail;
            import dev.esetshop.sdk.jdbc.JdbcStorage;
            import dev.esetshop.spring.EsetPartnerClientCustomizer;
            import dev.esetshop.spring.EsetShopsCustomizer;
            import dev.esetshop.spring.test.AutoConfigureEsetSandbox;
            import java.time.Duration;
            import java.util.List;
            import java.util.Locale;
            import java.util.Optional;
            import org.junit.jupiter.api.Test;
            import org.springframework.beans.factory.annotation.Autowired;
            import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
            import org.springframework.boot.test.context.SpringBootTest;
            import org.springframework.context.annotation.Bean;
            import org.springframework.core.annotation.Order;

            class %s {
                interface Reseller {
                    String esetUser();
                    String esetPasswordRef();
                    String customerNumber();
                    Locale locale();
                }
                interface ResellerRepository {
                    Optional<Reseller> find(String id);
                    List<String> allIds();
                }
                interface Vault {
                    String read(String reference);
                }
                interface MailSender {
                    void send(RenderedEmail mail);
                }
            """;

    @Test
    void everyJavaBlockOfTheStarterSectionCompiles(@TempDir Path dir) throws IOException {
        List<String> blocks = blocks("java");
        assertThat(blocks).as("Java blocks of the starter section").hasSizeGreaterThanOrEqualTo(5);
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String name = "StarterSnippet" + i;
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, PRELUDE.formatted(name) + blocks.get(i) + "}\n", StandardCharsets.UTF_8);
            sources.add(file);
        }
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
                                    "-proc:none"),
                            null,
                            files.getJavaFileObjectsFromPaths(sources))
                    .call();
        }
        assertThat(diagnostics.getDiagnostics())
                .as("compiler messages")
                .filteredOn(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .extracting(diagnostic -> diagnostic.getSource().getName() + " line " + diagnostic.getLineNumber()
                        + ": " + diagnostic.getMessage(Locale.ENGLISH))
                .isEmpty();
        assertThat(compiled).isTrue();
    }

    @Test
    void everyKeyOfTheYamlBlockIsAKnownProperty() throws IOException {
        String yaml = blocks("yaml").get(0);
        List<String> keys = new ArrayList<>();
        Pattern line = Pattern.compile("^ {4}([a-z-]+):\\s*(\\{([^}]*)})?.*$");
        for (String text : yaml.lines().toList()) {
            Matcher matcher = line.matcher(text);
            if (!matcher.matches()) {
                continue;
            }
            if (matcher.group(3) == null) {
                keys.add("eset.shop." + matcher.group(1));
            } else {
                for (String pair : matcher.group(3).split(",(?![^\\[]*])")) {
                    keys.add("eset.shop." + matcher.group(1) + "."
                            + pair.trim().split(":")[0].trim());
                }
            }
        }
        assertThat(keys)
                .as("keys of the guide's YAML block")
                .hasSizeGreaterThan(25)
                .isSubsetOf(UnknownProperties.known(getClass().getClassLoader()));
        // and every key the starter knows is shown
        assertThat(keys).containsAll(UnknownProperties.known(getClass().getClassLoader()));
    }

    private static List<String> blocks(String language) throws IOException {
        String section = Files.readString(GUIDE, StandardCharsets.UTF_8);
        assertThat(section).as("the starter's guide").startsWith(TITLE);
        List<String> blocks = new ArrayList<>();
        String fence = "```" + language + "\n";
        for (int at = section.indexOf(fence); at >= 0; at = section.indexOf(fence, at + 1)) {
            int from = at + fence.length();
            blocks.add(section.substring(from, section.indexOf("\n```", from) + 1));
        }
        return blocks;
    }
}
