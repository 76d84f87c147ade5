package dev.esetshop.examples.cli;

import static dev.esetshop.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.License;
import dev.esetshop.testkit.EsetSandbox;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reminders}: what is due for a renewal reminder, delivered once with {@code --send} (a second send right after
 * delivers nothing), in the language of {@code --locale}.
 */
class RemindersCommandTest {

    @TempDir
    Path dir;

    private EsetSandbox sandbox;
    private String base;
    private String db;

    @BeforeEach
    void start() {
        sandbox = EsetSandbox.builder().seed(21).licenses(300).start();
        base = sandbox.baseUri().toString();
        db = dir.resolve("shop").toString();
        ShopOptions.environment = () -> Map.of(
                ShopOptions.USERNAME,
                sandbox.username(),
                ShopOptions.PASSWORD,
                sandbox.password().reveal());
        assertThat(run("sync", "--base-url", base, "--db", db).status()).isZero();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        ShopOptions.environment = System::getenv;
    }

    /** The CLI's shop runs on the system clock in the default zone. */
    private long inBook(int days) {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        List<License> licenses = sandbox.licenses();
        return licenses.stream()
                .filter(license -> !license.trial()
                        && !license.expires().isBefore(today)
                        && !license.expires().isAfter(today.plusDays(days)))
                .count();
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static long notQuoted(String out) {
        return out.lines().filter(line -> line.contains("no renewal price")).count();
    }

    @Test
    void listsWhatIsDueSendsItOnceAndASecondSendDeliversNothing() {
        CliRun listed = run("reminders", "--base-url", base, "--db", db);
        long due = inBook(90) - notQuoted(listed.out());
        assertThat(due).isPositive();
        assertThat(listed.status()).isZero();
        assertThat(lastLine(listed.out())).isEqualTo("due " + due + ", delivered 0, delivered before 0");
        assertThat(listed.out()).contains("renewal, 1 year", "90 days").doesNotContain("Reminder e-mail");

        CliRun sent = run("reminders", "--base-url", base, "--db", db, "--send");
        assertThat(sent.status()).isZero();
        assertThat(lastLine(sent.out())).isEqualTo("due " + due + ", delivered " + due + ", delivered before 0");
        assertThat(sent.out()).contains("== Reminder e-mail ==", "Subject: Licenses due for renewal: " + due);

        CliRun again = run("reminders", "--base-url", base, "--db", db, "--send");
        assertThat(lastLine(again.out())).isEqualTo("due " + due + ", delivered 0, delivered before " + due);
        assertThat(again.out()).doesNotContain("Reminder e-mail");
    }

    @Test
    void withinLimitsTheListAndEveryScreenSpeaksTheLocale() {
        CliRun week = run("reminders", "--base-url", base, "--db", db, "--within", "7");
        long due = inBook(7) - notQuoted(week.out());
        assertThat(lastLine(week.out())).isEqualTo("due " + due + ", delivered 0, delivered before 0");

        CliRun german = run("reminders", "--base-url", base, "--db", db, "--locale", "de", "--send");
        assertThat(german.out()).contains("Verlängerung, 1 Jahr", "Erinnerungs-E-Mail", "Lizenzen zur Verlängerung");
        assertThat(lastLine(german.out())).startsWith("fällig ").contains("zuvor zugestellt 0");

        CliRun french = run("reminders", "--base-url", base, "--db", db, "--locale", "fr");
        assertThat(lastLine(french.out()))
                .startsWith("à rappeler ")
                .endsWith("remis 0, remis auparavant " + lastLine(german.out()).replaceAll("fällig (\\d+),.*", "$1"));

        assertThat(run("reminders", "--base-url", base, "--db", db, "--within", "-1")
                        .status())
                .isEqualTo(2);
    }
}
