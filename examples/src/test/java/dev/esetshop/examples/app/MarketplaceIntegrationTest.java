package dev.esetshop.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.testkit.EsetSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The example integration works as written against a sandbox, including the error a reseller must act on. */
class MarketplaceIntegrationTest {

    @Test
    void syncsListsBuysAndRenews() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (EsetSandbox sandbox = EsetSandbox.builder().seed(3).licenses(40).start()) {
            EsetShop shop = MarketplaceIntegration.buildShop(
                    Catalog.sample(),
                    sandbox.baseUri(),
                    sandbox.username(),
                    sandbox.password(),
                    JdbcStorage.h2InMemory("integration-test"));
            MarketplaceIntegration integration =
                    new MarketplaceIntegration(shop, new PrintStream(log, true, StandardCharsets.UTF_8));

            assertThat(integration.sync()).isTrue();
            List<License> first = integration.expiringFirst();
            assertThat(first)
                    .isNotEmpty()
                    .isSortedAccordingTo((a, b) -> a.expires().compareTo(b.expires()));

            EndCustomer customer = EndCustomer.builder()
                    .organization("Muster AG")
                    .firstName("Anna")
                    .lastName("Muster")
                    .email("anna@muster.example")
                    .build();
            Optional<LicenseId> ordered =
                    integration.buyNewLicense("cart-1", "EESB", 10, customer, "admin@reseller.example");
            assertThat(ordered).isNotEmpty();
            assertThat(sandbox.licensesByIdempotencyKey()).containsEntry("cart-1", ordered.orElseThrow());

            Optional<LicenseId> refused =
                    integration.buyNewLicense("cart-2", "EESB", 3, customer, "admin@reseller.example");
            assertThat(refused).isEmpty();
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("seats: ");

            License renewable = first.stream()
                    .filter(l -> !l.expires().isBefore(shop.today()))
                    .findFirst()
                    .orElseThrow();
            assertThat(integration.renew("cart-3", renewable)).contains(renewable.id());

            int applied = sandbox.ordersApplied();
            // the customer's double click, and the marketplace's retry of the cart: the same order, one license
            assertThat(integration.buyNewLicense("cart-1", "EESB", 10, customer, "admin@reseller.example"))
                    .isEqualTo(ordered);
            assertThat(integration.renew("cart-3", renewable)).contains(renewable.id());
            assertThat(sandbox.ordersApplied()).isEqualTo(applied);

            sandbox.setAccessGranted(false);
            assertThat(integration.sync()).isFalse();
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("ask ESET to grant the marketplace access");
        }
    }
}
