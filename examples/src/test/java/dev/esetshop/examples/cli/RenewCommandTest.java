package dev.esetshop.examples.cli;

import static dev.esetshop.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.LicenseId;
import dev.esetshop.sdk.RenewalBatch;
import dev.esetshop.testkit.EsetSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code renew}: a batch of renewals on the command line, its dry run, its summary line and its rerun. */
class RenewCommandTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "(?m)^licenses (\\d+), ordered (\\d+), refused (\\d+), pending (\\d+), total (\\d+\\.\\d{2}) ([A-Z]{3})$");

    @TempDir
    Path dir;

    private EsetSandbox sandbox;
    private String base;
    private String db;

    @BeforeEach
    void startSandbox() {
        sandbox = EsetSandbox.builder().seed(11).licenses(120).start();
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
    void stopSandbox() {
        sandbox.close();
        ShopOptions.environment = System::getenv;
    }

    @Test
    void aDryRunQuotesEachLicenseOrdersNothingAndTheBatchThenOrdersEachLicenseOnce() {
        CliRun dry =
                run("renew", "--expiring-within", "60", "--years", "1", "--dry-run", "--base-url", base, "--db", db);
        assertThat(dry.status()).as(dry.err()).isZero();
        Matcher quoted = summary(dry);
        int licenses = Integer.parseInt(quoted.group(1));
        int refused = Integer.parseInt(quoted.group(3));
        assertThat(licenses).isGreaterThan(refused).isGreaterThanOrEqualTo(3);
        assertThat(quoted.group(2)).isEqualTo("0");
        assertThat(quoted.group(4)).isEqualTo("0");
        assertThat(quoted.group(6)).isEqualTo("EUR");
        assertThat(dry.out()).contains(" for a renewal to ").doesNotContain("Batch key");
        assertThat(sandbox.ordersApplied()).isZero();

        CliRun ordered = run(
                "renew",
                "--expiring-within",
                "60",
                "--years",
                "1",
                "--key",
                "june-run",
                "--base-url",
                base,
                "--db",
                db);
        Matcher done = summary(ordered);
        int orderedCount = licenses - refused;
        assertThat(done.group(1)).isEqualTo(String.valueOf(licenses));
        assertThat(done.group(2)).isEqualTo(String.valueOf(orderedCount));
        assertThat(done.group(3)).isEqualTo(String.valueOf(refused));
        assertThat(done.group(5))
                .as("the dry run's total is what the batch costs")
                .isEqualTo(quoted.group(5));
        assertThat(ordered.status()).isEqualTo(refused > 0 ? EsetShopCli.REFUSED : EsetShopCli.OK);
        assertThat(ordered.out())
                .contains("  ordered: ESET order ORD-", "Batch key june-run: run the same command with --key june-run");
        assertThat(sandbox.ordersApplied()).isEqualTo(orderedCount);
        List<LicenseId> renewed = List.copyOf(sandbox.ordersByIdempotencyKey().values());
        assertThat(sandbox.ordersByIdempotencyKey().keySet())
                .containsExactlyInAnyOrderElementsOf(renewed.stream()
                        .map(id -> RenewalBatch.orderKey(IdempotencyKey.of("june-run"), id)
                                .value())
                        .toList());

        // the same command again: the renewed licenses left the selection, nothing is ordered a second time
        CliRun again = run(
                "renew",
                "--expiring-within",
                "60",
                "--years",
                "1",
                "--key",
                "june-run",
                "--base-url",
                base,
                "--db",
                db);
        Matcher rerun = summary(again);
        assertThat(rerun.group(1)).isEqualTo(String.valueOf(refused));
        assertThat(rerun.group(2)).isEqualTo("0");
        assertThat(sandbox.ordersApplied()).isEqualTo(orderedCount);
    }

    @Test
    void withoutAKeyTheBatchKeyIsTheDayAndTheOptionsSoTheSameCommandIsTheSameBatch() {
        CliRun first = run("renew", "--expiring-within", "30", "--years", "2", "--base-url", base, "--db", db);
        Matcher key = Pattern.compile("Batch key (renew-\\d{4}-\\d{2}-\\d{2}-30d-2y):")
                .matcher(first.out());
        assertThat(key.find()).as(first.out() + first.err()).isTrue();
        int applied = sandbox.ordersApplied();
        assertThat(applied).isPositive();
        assertThat(sandbox.ordersByIdempotencyKey())
                .allSatisfy((orderKey, license) -> assertThat(orderKey)
                        .isEqualTo(RenewalBatch.orderKey(IdempotencyKey.of(key.group(1)), license)
                                .value()));

        CliRun again = run("renew", "--expiring-within", "30", "--years", "2", "--base-url", base, "--db", db);
        assertThat(again.out()).contains("Batch key " + key.group(1));
        assertThat(sandbox.ordersApplied()).isEqualTo(applied);
    }

    @Test
    void theScreensSpeakGermanAndFrench() {
        CliRun german = run(
                "renew",
                "--expiring-within",
                "60",
                "--years",
                "1",
                "--dry-run",
                "--locale",
                "de",
                "--base-url",
                base,
                "--db",
                db);
        assertThat(german.out())
                .containsPattern(
                        "(?m)^Lizenzen \\d+, bestellt 0, abgelehnt \\d+, ausstehend 0," + " gesamt \\d+\\.\\d{2} EUR$")
                .contains(" Lizenzen, läuft ab am ");
        CliRun french = run(
                "renew",
                "--expiring-within",
                "60",
                "--years",
                "1",
                "--dry-run",
                "--locale",
                "fr",
                "--base-url",
                base,
                "--db",
                db);
        assertThat(french.out())
                .containsPattern(
                        "(?m)^licences \\d+, commandées 0, refusées \\d+, en attente 0," + " total \\d+\\.\\d{2} EUR$")
                .contains("pour un renouvellement jusqu'au");
        assertThat(sandbox.ordersApplied()).isZero();
    }

    @Test
    void badValuesAreAUsageErrorAndOrderNothing() {
        assertThat(run("renew", "--expiring-within", "-1", "--years", "1", "--base-url", base, "--db", db)
                        .status())
                .isEqualTo(EsetShopCli.USAGE);
        assertThat(run("renew", "--expiring-within", "60", "--years", "4", "--base-url", base, "--db", db)
                        .status())
                .isEqualTo(EsetShopCli.USAGE);
        CliRun badKey = run(
                "renew",
                "--expiring-within",
                "60",
                "--years",
                "1",
                "--key",
                "no spaces",
                "--base-url",
                base,
                "--db",
                db);
        assertThat(badKey.status()).isEqualTo(EsetShopCli.USAGE);
        assertThat(badKey.err()).contains("--key");
        assertThat(sandbox.ordersApplied()).isZero();
    }

    private static Matcher summary(CliRun run) {
        Matcher matcher = SUMMARY.matcher(run.out());
        assertThat(matcher.find()).as(run.out() + run.err()).isTrue();
        return matcher;
    }
}
