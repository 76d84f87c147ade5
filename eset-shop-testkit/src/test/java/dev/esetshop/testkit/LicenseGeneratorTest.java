package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seeded license book: deterministic, realistic, and readable by a strict reader. */
class LicenseGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void theSameSeedGivesTheSameLicensesAndAnotherSeedOthers() {
        try (EsetSandbox first = EsetSandbox.builder()
                        .seed(42)
                        .licenses(300)
                        .clock(CLOCK)
                        .start();
                EsetSandbox second = EsetSandbox.builder()
                        .seed(42)
                        .licenses(300)
                        .clock(CLOCK)
                        .start();
                EsetSandbox other = EsetSandbox.builder()
                        .seed(43)
                        .licenses(300)
                        .clock(CLOCK)
                        .start()) {
            assertThat(first.licenses()).hasSize(300).isEqualTo(second.licenses());
            assertThat(keys(first.licenses())).isEqualTo(keys(second.licenses()));
            assertThat(other.licenses()).isNotEqualTo(first.licenses());
        }
    }

    @Test
    void licensesAreConsistentAndSpreadLikeARealBook() {
        try (EsetSandbox sandbox =
                EsetSandbox.builder().seed(7).licenses(1000).clock(CLOCK).start()) {
            List<License> licenses = sandbox.licenses();

            assertThat(licenses).hasSize(1000);
            for (License license : licenses) {
                assertThat(license.issued())
                        .isBeforeOrEqualTo(license.expires())
                        .isBeforeOrEqualTo(TODAY);
                assertThat(license.usedSeats()).isBetween(0, license.seats().count());
                assertThat(license.expires()).isBetween(TODAY.minusDays(120), TODAY.plusYears(3));
                assertThat(license.modified()).isBeforeOrEqualTo(NOW);
                assertThat(license.customer().email()).matches("[a-z.-]+@[a-z0-9-]+\\.(de|fr|ch|at)");
                assertThat(license.customer().country()).get().isIn("DE", "FR", "CH", "AT");
                if (license.expires().isBefore(TODAY)) {
                    assertThat(license.state()).isEqualTo(LicenseState.EXPIRED);
                }
            }
            Map<String, Long> states = licenses.stream()
                    .collect(Collectors.groupingBy(license -> license.state().raw(), Collectors.counting()));
            assertThat(states.get("NORMAL")).isGreaterThan(700);
            assertThat(states).containsKeys("SUSPENDED", "EXPIRED");
            assertThat(licenses.stream()
                            .map(license -> license.productCode().value())
                            .distinct())
                    .containsExactlyInAnyOrder("EAVB", "EESB", "ESBP", "ESB", "EMDS");
            assertThat(licenses.stream()
                            .map(license -> license.customer().country().orElseThrow())
                            .distinct())
                    .containsExactlyInAnyOrder("DE", "FR", "CH", "AT");
            assertThat(licenses).anyMatch(License::trial);
            assertThat(licenses).anyMatch(license -> license.discount().equals(java.util.Optional.of("GOV")));
            assertThat(licenses).anyMatch(license -> license.discount().equals(java.util.Optional.of("EDU")));
            assertThat(licenses).anyMatch(license -> license.customer().vatId().isPresent());
            assertThat(licenses).anyMatch(license -> license.customer().vatId().isEmpty());
        }
    }

    @Test
    void malformedRecordsBreakOneFieldOnTheWire() {
        try (EsetSandbox sandbox = EsetSandbox.builder()
                .seed(9)
                .licenses(120)
                .malformedRecords(12)
                .clock(CLOCK)
                .start()) {
            WireClient client = new WireClient(sandbox);
            client.login();
            List<JsonNode> items = new ArrayList<>();
            client.post(
                            "/api/Search/Licenses",
                            WireClient.object().put("skip", 0).put("take", 100))
                    .body()
                    .path("items")
                    .forEach(items::add);
            client.post(
                            "/api/Search/Licenses",
                            WireClient.object().put("skip", 100).put("take", 100))
                    .body()
                    .path("items")
                    .forEach(items::add);

            long broken = items.stream()
                    .filter(item -> !item.has("customer")
                            || "not-a-date".equals(item.path("expires").asString(""))
                            || !item.path("seats").isInt())
                    .count();
            assertThat(items).hasSize(120);
            assertThat(broken).isEqualTo(12);
            assertThat(sandbox.licenseCount()).isEqualTo(120);
            assertThat(sandbox.licenses()).hasSize(108);
        }
    }

    private static List<String> keys(List<License> licenses) {
        return licenses.stream().map(license -> license.licenseKey().reveal()).toList();
    }
}
