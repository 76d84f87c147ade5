package dev.esetshop.examples.cli;

import static dev.esetshop.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.testkit.EsetSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo and the operations commands end to end, on a sandbox of their own: what a person at the terminal sees,
 * and the exit codes (0 done, 1 a one-line reason, 2 a bad command line).
 */
class ShopCommandsTest {

    @TempDir
    Path dir;

    private EsetSandbox sandbox;
    private String base;

    @BeforeEach
    void startSandbox() {
        sandbox = EsetSandbox.builder().seed(11).licenses(120).start();
        base = sandbox.baseUri().toString();
        ShopOptions.environment = () -> Map.of(
                ShopOptions.USERNAME,
                sandbox.username(),
                ShopOptions.PASSWORD,
                sandbox.password().reveal());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
        ShopOptions.environment = System::getenv;
    }

    @Test
    void theDemoRunsTheWholeShopAndWritesBothReports() throws Exception {
        CliRun run = run("demo", "--licenses", "60", "--failure-rate", "0.05", "--out", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("150.60", "112.95", "38.33", "28.75", "544.42", "435.54")
                .contains("DISCOUNTS_DO_NOT_STACK", "Ein Crossgrade", "Un crossgrade")
                .contains("ordered: license")
                .contains("orders                 New license, Renewal and extension, Product change, Trial license")
                .contains("Subject: ");
        assertThat(Files.readString(dir.resolve("report.csv"))).contains("License ID");
        try (ZipFile workbook = new ZipFile(dir.resolve("report.xlsx").toFile())) {
            assertThat(workbook.getEntry("xl/workbook.xml")).isNotNull();
        }
    }

    @Test
    void operationsCommandsWorkAgainstAnyEndpointOfTheProtocol() throws Exception {
        String db = dir.resolve("shop").toString();
        CliRun status = run("status", "--base-url", base, "--db", db, "--customer-number", "ACMP-7");
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("ESET-P-104233", "Gold", "ACMP-7", "never");

        CliRun sync = run("sync", "--base-url", base, "--db", db);
        assertThat(sync.out()).contains("120 added");

        CliRun licenses = run("licenses", "--base-url", base, "--db", db, "--limit", "5");
        assertThat(licenses.out().lines().count()).isEqualTo(6);

        Path report = dir.resolve("book.csv");
        CliRun written = run("report", "--base-url", base, "--db", db, "--format", "csv", "--out", report.toString());
        assertThat(written.status()).isZero();
        assertThat(Files.readAllLines(report)).hasSize(121);

        Path request = dir.resolve("order.json");
        Files.writeString(request, """
                {"operation": "NEW", "product": "EESB", "seats": 10, "years": 1, "reference": "PO-4711",
                 "customer": {"organization": "Muster AG", "firstName": "Anna", "lastName": "Muster",
                              "email": "anna@muster.example"},
                 "eula": {"version": "2024", "acceptedBy": "admin@reseller.example"}}
                """);
        int before = sandbox.licenseCount();
        CliRun ordered = run("order", "--base-url", base, "--db", db, "--request", request.toString());
        assertThat(ordered.out()).as(ordered.err()).startsWith("ordered: license ");
        assertThat(sandbox.licenseCount()).isEqualTo(before + 1);

        // the order number and the EULA acceptance are kept and shown where the reseller looks for them
        java.util.regex.Matcher outcome = java.util.regex.Pattern.compile("ordered: license (\\S+), ESET order (\\S+),")
                .matcher(ordered.out());
        assertThat(outcome.find()).as(ordered.out()).isTrue();
        CliRun journal = run("orders", "--base-url", base, "--db", db);
        // the history row: product name, seats, price, end customer, reference, ESET order number, outcome, EULA
        assertThat(journal.out())
                .contains(
                        outcome.group(2),
                        "Muster AG",
                        "PO-4711",
                        "Confirmed",
                        "EULA accepted by",
                        "admin@reseller.example",
                        "€")
                .doesNotContain(" EESB ");
        CliRun german = run("orders", "--base-url", base, "--db", db, "--locale", "de");
        assertThat(german.out())
                .contains("Bestellt am", "Ihr Preis", "Neue Lizenz", "Bestätigt")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        CliRun license = run("license", outcome.group(1), "--base-url", base, "--db", db);
        assertThat(license.out()).as(license.err()).containsPattern("ESET order +" + outcome.group(2));
    }

    @Test
    void anOrderThatBreaksRulesIsRefusedAndNothingIsSent() throws Exception {
        Path request = dir.resolve("order.json");
        Files.writeString(request, """
                {"operation": "NEW", "product": "EESB", "seats": 10, "years": 1,
                 "customer": {"organization": "Muster AG", "firstName": "", "lastName": "Muster", "email": "nope"}}
                """);
        int before = sandbox.licenseCount();
        CliRun refused = run(
                "order",
                "--base-url",
                base,
                "--db",
                dir.resolve("shop").toString(),
                "--request",
                request.toString(),
                "--locale",
                "de");
        assertThat(refused.status()).isEqualTo(EsetShopCli.REFUSED);
        assertThat(refused.out())
                .contains("abgelehnt: ", "Der Vorname des Endkunden fehlt.", "E-Mail-Adresse", "Akzeptieren Sie");
        assertThat(sandbox.licenseCount()).isEqualTo(before);
    }

    @Test
    void failuresAreOneLineAndExitOne() {
        String db = dir.resolve("shop").toString();
        ShopOptions.environment = () -> Map.of(ShopOptions.USERNAME, sandbox.username(), ShopOptions.PASSWORD, "wrong");
        CliRun wrongPassword = run("status", "--base-url", base, "--db", db);
        assertThat(wrongPassword.status()).isEqualTo(1);
        assertThat(wrongPassword.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .contains("password")
                .doesNotContain("wrong");

        sandbox.setAccessGranted(false);
        ShopOptions.environment = () -> Map.of(
                ShopOptions.USERNAME,
                sandbox.username(),
                ShopOptions.PASSWORD,
                sandbox.password().reveal());
        CliRun noAccess = run("sync", "--base-url", base, "--db", db);
        assertThat(noAccess.status()).isEqualTo(1);
        assertThat(noAccess.err().lines()).hasSize(1).first().asString().containsIgnoringCase("grant");

        CliRun plainHttp = run("status", "--base-url", "http://eset.example", "--db", db);
        assertThat(plainHttp.status()).isEqualTo(1);
        assertThat(plainHttp.err()).contains("https://");

        ShopOptions.environment = Map::of;
        CliRun noCredentials = run("status", "--base-url", base, "--db", db);
        assertThat(noCredentials.status()).isEqualTo(1);
        assertThat(noCredentials.err()).contains("ESET_USERNAME");
    }

    @Test
    void badCommandLinesExitTwo() {
        assertThat(run("status").status()).isEqualTo(2);
        assertThat(run("report", "--base-url", base, "--format", "pdf", "--out", "x")
                        .status())
                .isEqualTo(2);
        assertThat(run("demo", "--failure-rate", "3").status()).isEqualTo(2);
        assertThat(run("licenses", "--base-url", base, "--limit", "0").status()).isEqualTo(2);
        assertThat(run().status()).isEqualTo(2);
    }
}
