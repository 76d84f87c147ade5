package dev.esetshop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chaos --instances N} and {@code fleet-sync} at a small size, with real child JVMs and one killed: on an H2
 * database shared through its server mode here, on PostgreSQL in {@link PostgresFleetCommandsTest}.
 */
class FleetCommandsTest {

    private static final Pattern CHAOS_SUMMARY =
            Pattern.compile("orders (\\d+), licenses (\\d+), duplicates 0, lost 0");

    @TempDir
    Path dir;

    /** The shared database: an H2 file in server mode here, PostgreSQL in the subclass. */
    String jdbcUrl() {
        return "jdbc:h2:file:" + dir.resolve("fleet").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    @Test
    void chaosWithSeveralInstancesOneKilledEndsWithOneLicensePerPurchaseTheMarketplaceMade() {
        List<String> lines = run(
                "chaos",
                "--instances",
                "2",
                "--resellers",
                "3",
                "--orders",
                "40",
                "--seed",
                "7",
                "--failure-rate",
                "0.2",
                "--lose-rate",
                "0.2",
                "--kill-one",
                "--resubmit-rate",
                "0.3",
                "--jdbc-url",
                jdbcUrl());

        String last = lines.get(lines.size() - 1);
        Matcher summary = CHAOS_SUMMARY.matcher(last);
        assertThat(summary.matches()).as(String.join("\n", lines)).isTrue();
        // every purchase, those the killed instance had not answered included, has its one license
        assertThat(summary.group(1)).isEqualTo("40");
        assertThat(summary.group(2)).isEqualTo("40");
        assertThat(lines.get(lines.size() - 2)).contains("one killed after").doesNotContain("sent twice 0,");
    }

    @Test
    void fleetSyncWithAnInstanceKilledSyncsEveryResellerOnce() {
        List<String> lines = run(
                "fleet-sync",
                "--instances",
                "2",
                "--resellers",
                "8",
                "--licenses",
                "20",
                "--latency-ms",
                "5",
                "--concurrency",
                "2",
                "--kill-one",
                "--jdbc-url",
                jdbcUrl());

        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("resellers 8, synced 8, synced twice 0, failed 0, licenses 160");
        assertThat(lines.get(lines.size() - 2)).startsWith("time ").contains("one killed");
    }

    @Test
    void severalInstancesNeedADatabaseServer() {
        StringWriter err = new StringWriter();
        int status = EsetShopCli.run(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "fleet-sync",
                "--instances",
                "2",
                "--resellers",
                "2",
                "--licenses",
                "1");

        assertThat(status).isEqualTo(EsetShopCli.USAGE);
        assertThat(err.toString()).contains("--jdbc-url");
    }

    private static List<String> run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EsetShopCli.run(new PrintWriter(out, true), new PrintWriter(err, true), arguments);
        List<String> lines = new ArrayList<>(out.toString().strip().lines().toList());
        assertThat(status).as(out + "\n" + err).isZero();
        return lines;
    }
}
