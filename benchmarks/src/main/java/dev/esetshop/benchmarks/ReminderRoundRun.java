package dev.esetshop.benchmarks;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcReminderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.remind.ReminderReport;
import dev.esetshop.sdk.remind.RemindersDue;
import dev.esetshop.testkit.EsetSandbox;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The time of a renewal reminder round over a license book on PostgreSQL (issue 21): a reseller of its own (a fresh
 * reseller id) with {@code N} licenses, every one of them due (expiring within the 90-day window), stored through the
 * JDBC license store; then {@code dueReminders()} (the book read and every renewal quoted), a first
 * {@code deliverReminders()} (every reminder claimed, told to one listener, marked delivered) and a second one right
 * after (nothing left to deliver). The partner margin comes from an in-process sandbox (one call). Run:
 *
 * <pre>{@code
 * ESET_SHOP_TEST_POSTGRES_URL=jdbc:postgresql://... \
 *     java -cp benchmarks/target/benchmarks.jar dev.esetshop.benchmarks.ReminderRoundRun 10000
 * }</pre>
 */
public final class ReminderRoundRun {

    private ReminderRoundRun() {}

    /**
     * Runs the rounds and prints their times.
     *
     * @param args the number of licenses (default 10,000)
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String url = System.getenv("ESET_SHOP_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set ESET_SHOP_TEST_POSTGRES_URL to a PostgreSQL database");
        }
        DataSource database = JdbcStorage.url(url);
        ResellerId reseller = ResellerId.of("reminders-" + UUID.randomUUID());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Catalog catalog = Catalog.sample();
        JdbcLicenseStore store = JdbcLicenseStore.create(database, reseller);
        List<License> licenses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            licenses.add(license(i, today.plusDays(i % 91)));
        }
        long stored = System.nanoTime();
        for (int from = 0; from < count; from += 500) {
            store.storePage(
                    licenses.subList(from, Math.min(count, from + 500)),
                    SyncCursor.builder().nextSkip(0).inProgress(false).build());
        }
        out.printf("stored %d licenses in %d ms%n", count, (System.nanoTime() - stored) / 1_000_000);
        try (EsetSandbox sandbox = EsetSandbox.builder().licenses(1).start();
                EsetPartnerClient api = EsetPartnerClient.builder()
                        .baseUri(sandbox.baseUri())
                        .credentials(sandbox.username(), sandbox.password())
                        .build()) {
            AtomicInteger told = new AtomicInteger();
            EsetShop shop = EsetShop.builder()
                    .catalog(catalog)
                    .partnerApi(api)
                    .zone(ZoneOffset.UTC)
                    .licenseStore(store)
                    .reminderJournal(JdbcReminderJournal.create(database, reseller))
                    .addRenewalReminderListener(reminders -> told.addAndGet(reminders.size()))
                    .build();
            shop.status();
            long start = System.nanoTime();
            RemindersDue due = shop.dueReminders();
            out.printf(
                    "dueReminders: %d due, %d not quoted, %d ms%n",
                    due.reminders().size(), due.notQuoted().size(), (System.nanoTime() - start) / 1_000_000);
            for (int round = 1; round <= 2; round++) {
                start = System.nanoTime();
                ReminderReport report = shop.deliverReminders();
                out.printf(
                        "round %d: due %d, delivered %d, delivered before %d, failed %d, %d ms%n",
                        round,
                        report.due(),
                        report.delivered(),
                        report.deliveredBefore(),
                        report.failed(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            out.printf("listener told %d reminders%n", told.get());
        }
    }

    private static License license(int i, LocalDate expires) {
        String[] products = {"EAVB", "EESB", "ESB"};
        return License.builder()
                .id(LicenseId.of(String.format("R%02X-%03X-%03X", i % 256, (i / 256) % 4096, i % 4096)))
                .licenseKey(Secret.of("KEY-" + i))
                .productCode(ProductCode.of(products[i % products.length]))
                .productName("ESET " + products[i % products.length])
                .seats(Seats.of(5 + i % 200))
                .usedSeats(0)
                .state(LicenseState.NORMAL)
                .trial(false)
                .issued(expires.minusYears(1))
                .expires(expires)
                .modified(Instant.parse("2026-01-01T00:00:00Z"))
                .customer(EndCustomer.builder()
                        .organization("Customer " + i)
                        .firstName("Max")
                        .lastName("Muster")
                        .email("it@customer" + i + ".example")
                        .build())
                .build();
    }
}
