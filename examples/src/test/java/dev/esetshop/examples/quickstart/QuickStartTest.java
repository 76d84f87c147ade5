package dev.esetshop.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.Secret;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.EsetSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, compiled and run against a sandbox so that it never rots. */
class QuickStartTest {

    /** The quick start as the README shows it (lines between the markers). */
    static void quickStart(Path catalogFile, URI esetUri, String user, Secret password, DataSource database,
            EndCustomer customer, PrintWriter out) {
        // README quick start: begin
        EsetShop shop = EsetShop.builder()
                .catalog(Catalog.load(catalogFile))
                .partnerApi(EsetPartnerClient.builder().baseUri(esetUri).credentials(user, password).build())
                .orderJournal(JdbcOrderJournal.create(database))      // orders survive a restart: exactly once
                .licenseStore(JdbcLicenseStore.create(database))
                .marketplaceCustomerNumber("C-778899")
                .addConfirmationListener(event -> out.println("confirmation " + event.eventId()))
                .build();                                            // builds only: no I/O yet
        shop.reconcile();                                            // settles orders a crash left pending
        SyncReport synced = shop.sync((done, total) -> out.printf("synced %d of %d%n", done, total));
        List<License> due = shop.renewableLicenses(LicenseFilter.builder().expiringWithinDays(30).build());
        out.println(synced.added() + " licenses added, " + due.size() + " due within 30 days");
        QuoteResult quoted = shop.quote(NewLicenseRequest.builder().product("EAVB").seats(6).years(1).build());
        if (quoted instanceof QuoteResult.Rejected rejected) {
            rejected.violations().forEach(violation -> out.println(shop.message(violation)));
        } else if (quoted instanceof QuoteResult.Accepted accepted) {
            out.println("your price " + accepted.quote().yourPrice() + ", street " + accepted.quote().streetPrice());
            EulaAcceptance eula = EulaAcceptance.of("2025-01", "reseller-user", Instant.now());
            OrderResult result = shop.order(accepted.quote(), eula, customer);
            if (result instanceof OrderResult.Ordered ordered) {
                out.println("license " + ordered.license().id() + ", ESET order " + ordered.orderNumber());
            } else if (result instanceof OrderResult.Refused refused) {
                refused.violations().forEach(violation -> out.println(shop.message(violation)));
            } else if (result instanceof OrderResult.Pending pending) {
                out.println("ESET did not answer; shop.reconcile() settles order " + pending.idempotencyKey());
            }
        }
        // README quick start: end
    }

    @Test
    void theQuickStartRunsAgainstTheSandbox(@TempDir Path dir) throws IOException {
        // the quick start loads the distributor's catalog file: here, the sample catalog as such a file
        Path catalogFile = dir.resolve("catalog.json");
        try (InputStream sample = Catalog.class.getClassLoader().getResourceAsStream(Catalog.SAMPLE_RESOURCE)) {
            Files.copy(sample, catalogFile);
        }
        StringWriter text = new StringWriter();
        try (EsetSandbox sandbox = EsetSandbox.builder().seed(5).licenses(40).start()) {
            quickStart(catalogFile, sandbox.baseUri(),
                    sandbox.username(), sandbox.password(), JdbcStorage.h2InMemory("quick-start"),
                    EndCustomer.builder().organization("Muster GmbH").firstName("Anna").lastName("Muster")
                            .email("anna@muster.example").build(),
                    new PrintWriter(text, true));
        }
        assertThat(text.toString())
                .contains("synced 40 of 40", "40 licenses added", "your price 112.95 EUR, street 150.60 EUR")
                .containsPattern("license \\S+, ESET order \\S+")
                .contains("confirmation ");
    }
}
