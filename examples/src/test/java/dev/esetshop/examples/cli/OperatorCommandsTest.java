package dev.esetshop.examples.cli;

import static dev.esetshop.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.License;
import dev.esetshop.sdk.present.ShopPresentation;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.SandboxFaults;
import dev.esetshop.testkit.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands a reseller's operator runs, against a sandbox of their own: every order kind to its exit code, the
 * journal, one license in full, and every screen in the language of {@code --locale}.
 */
class OperatorCommandsTest {

    @TempDir
    Path dir;

    private EsetSandbox sandbox;
    private String base;
    private String db;

    private void start(EsetSandbox.Builder builder) {
        sandbox = builder.start();
        base = sandbox.baseUri().toString();
        db = dir.resolve("shop").toString();
        ShopOptions.environment = () -> Map.of(
                ShopOptions.USERNAME,
                sandbox.username(),
                ShopOptions.PASSWORD,
                sandbox.password().reveal());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        ShopOptions.environment = System::getenv;
    }

    @Test
    void aSeatsOnlyExtensionIsOrderedExitsZeroAndPrintsTheConfirmationEmail() throws Exception {
        start(EsetSandbox.builder().seed(11).licenses(120));
        assertThat(run("sync", "--base-url", base, "--db", db).status()).isZero();
        License license = sandbox.licenses().stream()
                .filter(candidate -> !candidate.trial()
                        && candidate.productCode().value().equals("EESB")
                        && candidate.expires().isAfter(today().plusDays(30))
                        && candidate.seats().count() < 900)
                .findFirst()
                .orElseThrow();
        Path request = write("extension.json", """
                {"operation": "RENEWAL", "licenseId": "%s", "seats": %d, "years": 0}
                """.formatted(
                        license.id().value(), license.seats().count() + 5));

        CliRun ordered = run("order", "--base-url", base, "--db", db, "--request", request.toString());

        assertThat(ordered.status()).as(ordered.out() + ordered.err()).isEqualTo(EsetShopCli.OK);
        assertThat(ordered.out())
                .startsWith("ordered: license " + license.id().value())
                .contains("expires " + english(license.expires()))
                .contains("== Confirmation e-mail ==", "Subject: ");
        License extended = sandbox.licenses().stream()
                .filter(l -> l.id().equals(license.id()))
                .findFirst()
                .orElseThrow();
        assertThat(extended.seats().count()).isEqualTo(license.seats().count() + 5);
        assertThat(extended.expires()).isEqualTo(license.expires());
    }

    @Test
    void anExtensionEsetRefusesExitsThreeAndNamesTheRealReasonInTheChosenLanguage() throws Exception {
        // ESET's calendar runs 100 days ahead of the book: licenses the book still sees running expired at ESET
        LocalDate esetToday = today().plusDays(100);
        start(EsetSandbox.builder()
                .seed(11)
                .licenses(200)
                .clock(TestClock.at(
                        esetToday.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600))));
        assertThat(run("sync", "--base-url", base, "--db", db).status()).isZero();
        License expiredAtEset = sandbox.licenses().stream()
                .filter(candidate -> !candidate.trial()
                        && candidate.expires().isAfter(today().plusDays(5))
                        && candidate.expires().isBefore(esetToday)
                        && candidate.seats().count() < 10
                        && !candidate.productCode().value().equals("EMDS"))
                .findFirst()
                .orElseThrow();
        Path request = write("extension.json", """
                {"operation": "RENEWAL", "licenseId": "%s", "seats": %d, "years": 0}
                """.formatted(
                        expiredAtEset.id().value(), expiredAtEset.seats().count() + 1));

        CliRun refused =
                run("order", "--base-url", base, "--db", db, "--request", request.toString(), "--locale", "de");

        assertThat(refused.status()).as(refused.out() + refused.err()).isEqualTo(EsetShopCli.REFUSED);
        assertThat(refused.out())
                .startsWith("abgelehnt: ESET hat die Bestellung abgelehnt: die Lizenz ist abgelaufen")
                .contains("ESET 8/37")
                .contains("Details von ESET: ")
                .doesNotContain("is missing or not valid");
    }

    @Test
    void anOrderWhoseOutcomeIsUnknownExitsFourAndReconcileSettlesItOnceAndSaysSo() throws Exception {
        start(EsetSandbox.builder().seed(11).licenses(20));
        Path request = write("new.json", """
                {"operation": "NEW", "product": "EESB", "seats": 10, "years": 1,
                 "customer": {"organization": "Muster AG", "firstName": "Anna", "lastName": "Muster",
                              "email": "anna@muster.example"},
                 "eula": {"version": "2024", "acceptedBy": "admin@reseller.example"}}
                """);
        sandbox.setFaults(SandboxFaults.builder().loseRate(1.0).build());

        CliRun pending = run("order", "--base-url", base, "--db", db, "--request", request.toString());

        assertThat(pending.status()).as(pending.out() + pending.err()).isEqualTo(EsetShopCli.PENDING);
        assertThat(pending.out()).startsWith("pending: ").contains("reconcile");
        CliRun journal = run("orders", "--base-url", base, "--db", db, "--state", "pending");
        assertThat(journal.status()).isZero();
        assertThat(journal.out().lines().toList()).hasSize(2);
        assertThat(journal.out()).contains("placed", "New license", "Pending");

        sandbox.setFaults(SandboxFaults.builder().build());
        CliRun reconciled = run("reconcile", "--base-url", base, "--db", db);

        assertThat(reconciled.status()).as(reconciled.out() + reconciled.err()).isZero();
        assertThat(reconciled.out())
                .contains("(New license): Confirmed, ORD-")
                .contains("1 settled (1 confirmed, 0 refused), 0 still pending");
        assertThat(sandbox.licensesByIdempotencyKey()).hasSize(1);
        assertThat(run("orders", "--base-url", base, "--db", db, "--state", "pending")
                        .out())
                .isEqualTo("No orders in the journal." + System.lineSeparator());
        CliRun confirmed = run("orders", "--base-url", base, "--db", db, "--state", "confirmed", "--locale", "fr");
        assertThat(confirmed.out()).contains("passée le", "Nouvelle licence", "Confirmée", "ORD-");
        // the command line sends no e-mail (it shows the confirmation of an order it places): a confirmation the
        // reconcile settled has no listener to take it, so it stays undelivered rather than delivered to nobody
        assertThat(run("reconcile", "--base-url", base, "--db", db).out())
                .contains("confirmation still not delivered")
                .contains("0 settled (0 confirmed, 0 refused)");
        assertThat(run("orders", "--base-url", base, "--db", db, "--state", "lost")
                        .status())
                .isEqualTo(2);
    }

    @Test
    void aTrialIsConvertedToAPaidLicenseUnderTheSameIdAndTheMailSaysSo() throws Exception {
        start(EsetSandbox.builder().seed(11).licenses(120));
        assertThat(run("sync", "--base-url", base, "--db", db).status()).isZero();
        License trial = sandbox.licenses().stream()
                .filter(candidate -> candidate.trial() && candidate.expires().isAfter(today()))
                .findFirst()
                .orElseThrow();
        CliRun offered = run("license", trial.id().value(), "--base-url", base, "--db", db);
        assertThat(offered.out()).containsPattern("Convert to a paid license +possible");
        Path request = write(
                "convert.json", """
                {"operation": "TRIAL_CONVERSION", "licenseId": "%s", "seats": %d, "years": 2,
                 "reference": "PO-TRIAL-1",
                 "eula": {"version": "2024", "acceptedBy": "admin@reseller.example"}}
                """.formatted(trial.id().value(), trial.seats().count()));

        CliRun ordered = run("order", "--base-url", base, "--db", db, "--request", request.toString());

        assertThat(ordered.status()).as(ordered.out() + ordered.err()).isEqualTo(EsetShopCli.OK);
        assertThat(ordered.out())
                .startsWith("ordered: license " + trial.id().value())
                .contains("expires " + english(today().plusYears(2)))
                .contains(
                        "Trial converted to a paid license",
                        "Your trial license is now a paid license",
                        trial.customer().organization());
        License paid = sandbox.licenses().stream()
                .filter(l -> l.id().equals(trial.id()))
                .findFirst()
                .orElseThrow();
        assertThat(paid.trial()).isFalse();
        assertThat(paid.expires()).isEqualTo(today().plusYears(2));
        assertThat(run("orders", "--base-url", base, "--db", db, "--locale", "de")
                        .out())
                .contains("Testlizenz in bezahlte Lizenz umgewandelt", "Bestätigt");
        // the same file again is a conversion of a paid license now: pricing refuses it, nothing is sent
        int applied = sandbox.ordersApplied();
        CliRun again = run("order", "--base-url", base, "--db", db, "--request", request.toString(), "--locale", "fr");
        assertThat(again.status()).as(again.out() + again.err()).isEqualTo(EsetShopCli.REFUSED);
        assertThat(again.out()).contains("n'est pas un essai");
        assertThat(sandbox.ordersApplied()).isEqualTo(applied);
    }

    @Test
    void aShopRefusalExitsThreeInTheChosenLanguage() throws Exception {
        start(EsetSandbox.builder().seed(11).licenses(20));
        Path request = write("bad.json", """
                {"operation": "NEW", "product": "EESB", "seats": 10, "years": 1,
                 "customer": {"organization": "Muster AG", "firstName": "", "lastName": "", "email": "nope"}}
                """);

        CliRun refused =
                run("order", "--base-url", base, "--db", db, "--request", request.toString(), "--locale", "fr");

        assertThat(refused.status()).isEqualTo(EsetShopCli.REFUSED);
        assertThat(refused.out())
                .contains("refusé : Le prénom du client final est manquant.")
                .contains("Le nom de famille du client final est manquant.")
                .doesNotContain("last name", "first name");
    }

    @Test
    void oneLicenseInFullWithWhatCanBeDoneTodayAndWhyNot() {
        start(EsetSandbox.builder().seed(11).licenses(120));
        run("sync", "--base-url", base, "--db", db);
        License running = sandbox.licenses().stream()
                .filter(candidate -> !candidate.trial()
                        && candidate.expires().isAfter(today().plusDays(30))
                        && candidate.state().raw().equals("NORMAL"))
                .findFirst()
                .orElseThrow();
        License trial =
                sandbox.licenses().stream().filter(License::trial).findFirst().orElseThrow();

        CliRun shown = run("license", running.id().value(), "--base-url", base, "--db", db);

        assertThat(shown.status()).as(shown.err()).isZero();
        assertThat(shown.out())
                .startsWith("License " + running.id().value())
                .contains(running.customer().organization(), running.customer().email())
                .contains(running.usedSeats() + " / " + running.seats().count())
                .contains("issued", english(running.issued()), english(running.expires()), "Active")
                .contains("What can be done today", "Renew", "Add seats", "Change product");
        CliRun german = run("license", trial.id().value(), "--base-url", base, "--db", db, "--locale", "de");
        assertThat(german.out())
                .contains(
                        "Lizenz " + trial.id().value(),
                        "Lizenzen genutzt / gesamt",
                        "Was heute möglich ist",
                        "Verlängern",
                        "nicht möglich: Mit einer Testlizenz nicht möglich");
        CliRun unknown = run("license", "ZZZ-ZZZ-ZZZ", "--base-url", base, "--db", db);
        assertThat(unknown.status()).isEqualTo(EsetShopCli.FAILURE);
        assertThat(unknown.err()).contains("ZZZ-ZZZ-ZZZ", "sync");
    }

    @Test
    void licensesAllShowsTrialsAndExpiredOnesAndCustomerFiltersByOrganizationOrEmail() {
        start(EsetSandbox.builder().seed(11).licenses(120));
        run("sync", "--base-url", base, "--db", db);
        List<License> all = sandbox.licenses();
        License trial = all.stream().filter(License::trial).findFirst().orElseThrow();
        License longExpired = all.stream()
                .filter(l -> !l.trial() && l.expires().isBefore(today().minusDays(61)))
                .findFirst()
                .orElseThrow();

        String renewable = run("licenses", "--base-url", base, "--db", db).out();
        String every = run("licenses", "--all", "--base-url", base, "--db", db).out();

        assertThat(renewable)
                .doesNotContain(trial.id().value(), longExpired.id().value());
        assertThat(every).contains(trial.id().value(), longExpired.id().value());
        assertThat(every.lines().count()).isEqualTo(all.size() + 1);
        License target = all.get(0);
        String byEmail = run(
                        "licenses",
                        "--all",
                        "--customer",
                        target.customer().email().toUpperCase(),
                        "--base-url",
                        base,
                        "--db",
                        db)
                .out();
        assertThat(byEmail).contains(target.id().value());
        List<String> rows = new ArrayList<>(byEmail.lines().toList());
        rows.remove(0);
        assertThat(rows)
                .allMatch(row ->
                        row.toLowerCase().contains(target.customer().email().toLowerCase())
                                || row.contains(target.customer().organization()));
        String byOrganization = run(
                        "licenses",
                        "--all",
                        "--customer",
                        target.customer().organization(),
                        "--base-url",
                        base,
                        "--db",
                        db)
                .out();
        assertThat(byOrganization).contains(target.id().value());
    }

    @Test
    void everyScreenSpeaksTheChosenLanguageWithoutInternalLabels() {
        start(EsetSandbox.builder().seed(11).licenses(40));
        CliRun sync = run("sync", "--base-url", base, "--db", db, "--locale", "de");
        assertThat(sync.out()).contains("40 neu, 0 geändert, 0 unverändert", "Lizenzen");
        CliRun status = run("status", "--base-url", base, "--db", db, "--locale", "de");
        assertThat(status.out())
                .contains("ESET-Partner-ID", "Partnerstufe", "Marge", "letzte Synchronisierung")
                .doesNotContain("partner level", "never");
        CliRun licenses = run("licenses", "--base-url", base, "--db", db, "--locale", "fr", "--limit", "3");
        assertThat(licenses.out().lines().findFirst().orElseThrow())
                .contains("licence", "produit", "postes", "expire", "client final");
        CliRun demo = run("demo", "--licenses", "20", "--out", dir.toString(), "--locale", "fr");
        assertThat(demo.status()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("== Statut du partenaire", "== Licences qui expirent en premier", "commandé : licence")
                .doesNotContainPattern("\\(F\\d");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"de", "fr"})
    void noScreenShowsAConstantAnIsoDateOrAnEnglishLabel(String language) {
        start(EsetSandbox.builder().seed(11).licenses(40));
        run("sync", "--base-url", base, "--db", db, "--locale", language);
        License any = sandbox.licenses().stream()
                .filter(candidate -> !candidate.trial())
                .findFirst()
                .orElseThrow();
        License trial =
                sandbox.licenses().stream().filter(License::trial).findFirst().orElseThrow();
        List<String> screens = List.of(
                run("status", "--base-url", base, "--db", db, "--locale", language)
                        .out(),
                run("licenses", "--all", "--base-url", base, "--db", db, "--locale", language)
                        .out(),
                run("license", any.id().value(), "--base-url", base, "--db", db, "--locale", language)
                        .out(),
                run("license", trial.id().value(), "--base-url", base, "--db", db, "--locale", language)
                        .out(),
                run("reminders", "--base-url", base, "--db", db, "--locale", language)
                        .out(),
                run("orders", "--base-url", base, "--db", db, "--locale", language)
                        .out());
        ShopPresentation english = ShopPresentation.of(Locale.ENGLISH, ZoneOffset.UTC);
        ShopPresentation other = ShopPresentation.of(Locale.forLanguageTag(language), ZoneOffset.UTC);
        List<String> englishLabels = english.labels().entrySet().stream()
                .filter(label -> !label.getValue().equals(other.labels().get(label.getKey())))
                .map(Map.Entry::getValue)
                .filter(label -> !label.contains("{") && label.length() > 3)
                .toList();
        for (String screen : screens) {
            assertThat(screen)
                    .doesNotContainPattern("\\b\\d{4}-\\d{2}-\\d{2}\\b")
                    .doesNotContainPattern("\\b(NORMAL|SUSPENDED|EXPIRED|BRONZE|SILVER|GOLD|PLATINUM|PENDING|CONFIRMED"
                            + "|REJECTED|RENEWAL|PRODUCT_CHANGE|TRIAL|TRIAL_CONVERSION|RENEW|EXTEND|CHANGE_PRODUCT"
                            + "|CONVERT_TRIAL)\\b");
            for (String label : englishLabels) {
                assertThat(screen)
                        .as(label)
                        .doesNotContainPattern("(?<!\\w)" + java.util.regex.Pattern.quote(label) + "(?!\\w)");
            }
        }
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun help = run("--help");
        assertThat(help.out())
                .contains(
                        "Exit codes:",
                        "3",
                        "order refused",
                        "4",
                        "pending",
                        "reconcile",
                        "license",
                        "orders",
                        "./eset-shop web");
        assertThat(run("order", "--help").out()).contains("Exit codes:", "ordered");
    }

    @Test
    void theSandboxCanStartWithoutDataAccessOrInMaintenance() throws Exception {
        SandboxCommand noAccess = new SandboxCommand();
        new CommandLine(noAccess).parseArgs("--licenses", "5", "--no-access");
        try (EsetSandbox started = noAccess.start()) {
            ShopOptions.environment = () -> Map.of(
                    ShopOptions.USERNAME,
                    started.username(),
                    ShopOptions.PASSWORD,
                    started.password().reveal());
            CliRun status = run(
                    "sync",
                    "--base-url",
                    started.baseUri().toString(),
                    "--db",
                    dir.resolve("a").toString());
            assertThat(status.status()).isEqualTo(EsetShopCli.FAILURE);
            assertThat(status.err()).containsIgnoringCase("grant");
        }
        SandboxCommand maintenance = new SandboxCommand();
        new CommandLine(maintenance).parseArgs("--licenses", "5", "--maintenance");
        try (EsetSandbox started = maintenance.start()) {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(started.baseUri() + "/api/Token/Get"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"username\":\"" + started.username() + "\",\"password\":\""
                                                    + started.password().reveal() + "\"}"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("99");
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        }
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    private Path write(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    /** A date as the English screens show it. */
    private static String english(LocalDate date) {
        return ShopPresentation.of(Locale.ENGLISH, ZoneOffset.UTC).date(date);
    }
}
