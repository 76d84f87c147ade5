package dev.esetshop.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.CircuitBreakerSettings;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.License;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.FaultyDataSource;
import dev.esetshop.testkit.RateLimitFault;
import dev.esetshop.testkit.SandboxFaults;
import dev.esetshop.testkit.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 10: a run full of faults (ESET failing, losing answers, limiting, short tokens; a database failing at
 * random with driver messages that quote the SQL and its values) leaves no password, access or refresh token, or
 * license key in any log line, exception chain (messages, causes, suppressed, stack traces) or answer.
 */
class NoSecretEscapesTest {

    /** The sandbox's tokens: {@code at-} or {@code rt-} and hexadecimal digits. */
    private static final Pattern TOKEN = Pattern.compile("\\b[ar]t-[0-9a-f]{8,}");

    private static final Path LOG = Path.of("target", "sdk-tests.log");

    @Test
    void aRunFullOfFaultsLeavesNoSecretInLogsExceptionsOrAnswers() throws IOException {
        TestClock clock = TestClock.at(Fixtures.NOW);
        List<String> seen = new ArrayList<>();
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        SandboxFaults faults = SandboxFaults.builder()
                .failureRate(0.25)
                .loseRate(0.25)
                .cutConnectionRate(0.03)
                .rateLimit(RateLimitFault.perSecond(15))
                .tokenTtl(Duration.ofSeconds(2))
                .build();
        try (EsetSandbox sandbox = EsetSandbox.builder()
                        .seed(23)
                        .licenses(120)
                        .faults(faults)
                        .clock(clock)
                        .start();
                EsetPartnerClient client = EsetPartnerClient.builder()
                        .baseUri(sandbox.baseUri())
                        .credentials(sandbox.username(), sandbox.password())
                        .retry(RetrySettings.builder()
                                .maxAttempts(3)
                                .baseDelay(Duration.ofMillis(5))
                                .maxDelay(Duration.ofMillis(50))
                                .jitterSeed(23)
                                .build())
                        .circuitBreaker(CircuitBreakerSettings.builder()
                                .failureRatePercent(100)
                                .build())
                        .rateLimit(RateLimitSettings.perSecond(1_000_000))
                        .clock(clock)
                        .waiter(clock::advance)
                        .build()) {
            FaultyDataSource database = FaultyDataSource.around(JdbcStorage.h2InMemory("secrets-" + UUID.randomUUID()));
            EsetShop shop = EsetShop.builder()
                    .catalog(Catalog.sample())
                    .partnerApi(client)
                    .clock(clock)
                    .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                    .licenseStore(JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER))
                    .addConfirmationListener(event -> seen.add(event.toString()))
                    .build();
            database.quoteValuesInFailures().failRandomly(0.08, 23);

            for (int round = 0; round < 25; round++) {
                clock.advance(Duration.ofSeconds(1));
                int n = round;
                attempt(seen, () -> shop.sync().toString());
                attempt(seen, () -> shop.status().toString());
                attempt(seen, () -> order(shop, n));
                attempt(seen, () -> renew(shop, n));
                attempt(seen, () -> shop.reconcile().toString());
            }
            database.heal();
            attempt(seen, () -> shop.reconcile().toString());
            // a book that cannot take a single license: the driver's message quotes the keys of the whole page
            FaultyDataSource refusing = FaultyDataSource.around(JdbcStorage.h2InMemory("secrets-" + UUID.randomUUID()))
                    .quoteValuesInFailures();
            EsetShop second = EsetShop.builder()
                    .catalog(Catalog.sample())
                    .partnerApi(client)
                    .clock(clock)
                    .licenseStore(JdbcLicenseStore.create(refusing, JdbcStorage.DEFAULT_RESELLER))
                    .build();
            refusing.failStatementsContaining("INSERT INTO eset_license");
            attempt(seen, () -> second.sync().toString());
            assertThat(refusing.injectedFailures()).as("license pages refused").isPositive();

            assertThat(database.injectedFailures())
                    .as("database failures injected")
                    .isGreaterThan(5);
            assertThat(seen).as("answers and errors seen").hasSizeGreaterThan(100);
            assertThat(seen)
                    .as("storage errors that reached the caller, causes and all")
                    .anySatisfy(
                            text -> assertThat(text).contains("StorageException", "Caused by: java.sql.SQLException"));
            String everything = String.join("\n", seen) + "\n" + logSince(logStart);
            assertThat(everything.contains(sandbox.password().reveal()))
                    .as("the password shows")
                    .isFalse();
            assertThat(TOKEN.matcher(everything)
                            .results()
                            .map(match -> match.group())
                            .toList())
                    .as("tokens in logs, errors or answers")
                    .isEmpty();
            List<String> keys = sandbox.licenses().stream()
                    .map(license -> license.licenseKey().reveal())
                    .toList();
            assertThat(keys).hasSizeGreaterThan(120);
            assertThat(keys.stream().filter(everything::contains).toList())
                    .as("license keys in logs, errors or answers")
                    .isEmpty();
        }
    }

    private static String order(EsetShop shop, int n) {
        QuoteResult quoted = shop.quote(NewLicenseRequest.builder()
                .product("EESB")
                .seats(5 + n % 20)
                .years(1)
                .build());
        assertThat(quoted.isAccepted()).as(quoted.toString()).isTrue();
        return shop.order(((QuoteResult.Accepted) quoted).quote(), Fixtures.eula(), Fixtures.customer())
                .toString();
    }

    private static String renew(EsetShop shop, int n) {
        List<License> licenses = shop.renewableLicenses(LicenseFilter.all());
        if (licenses.isEmpty()) {
            return "no licenses";
        }
        License license = licenses.get(n % licenses.size());
        QuoteResult quoted = shop.quote(RenewalRequest.builder()
                .license(CurrentLicense.of(license))
                .seats(license.seats().count())
                .years(1)
                .build());
        return quoted instanceof QuoteResult.Accepted accepted
                ? shop.order(accepted.quote(), license).toString()
                : quoted.toString();
    }

    /** Runs one step and keeps what it answered, or the whole text of its error. */
    private static void attempt(List<String> seen, java.util.function.Supplier<String> step) {
        try {
            seen.add(step.get());
        } catch (EsetShopException | IllegalStateException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
        }
    }

    private static String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(LOG);
        return new String(
                all,
                (int) Math.min(offset, all.length),
                (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }
}
