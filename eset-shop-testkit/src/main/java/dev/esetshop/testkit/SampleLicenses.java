package dev.esetshop.testkit;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic licenses for storage and report tests: every field of license {@code i} derives from {@code i}, so a
 * test can build the same book twice. Their modification instants have nanoseconds, which a store may keep only to
 * the microsecond.
 */
public final class SampleLicenses {

    private static final String[] PRODUCTS = {"EAVB", "EMDS", "ESB", "EPB"};
    private static final String[] NAMES = {
        "ESET Endpoint Antivirus", "ESET Multi-Device Security", "ESET Secure Business", "ESET PROTECT Entry"
    };
    private static final String[] ORGS = {"Müller KG", "Test GmbH", "Corporation Zep", "Music School 34", "Simple SIA"};
    private static final LocalDate BASE = LocalDate.of(2026, 1, 1);

    private SampleLicenses() {}

    /**
     * The license number {@code i} of a deterministic book: every field derived from {@code i} and a seed.
     *
     * @param i the license's number, at least 0
     * @return the license, equal on every call with the same number
     */
    public static License license(int i) {
        Random random = new Random(31L * i + 7);
        int product = random.nextInt(PRODUCTS.length);
        int seats = 1 + random.nextInt(250);
        LocalDate issued = BASE.minusDays(random.nextInt(700));
        // the random draws keep their order, so license i stays the same license
        License.Builder license = License.builder()
                .id(LicenseId.of(String.format("L%05d-%03d", i, random.nextInt(1000))))
                .licenseKey(
                        Secret.of(String.format("KEY-%04X-%04X-%04X", i, random.nextInt(65536), random.nextInt(65536))))
                .productCode(ProductCode.of(PRODUCTS[product]))
                .productName(NAMES[product])
                .seats(Seats.of(seats))
                .usedSeats(random.nextInt(seats + 1))
                .state(random.nextInt(10) == 0 ? LicenseState.SUSPENDED : LicenseState.NORMAL)
                .trial(random.nextInt(7) == 0);
        if (random.nextInt(5) == 0) {
            license.discount("EDU");
        }
        license.issued(issued)
                .expires(issued.plusYears(1 + random.nextInt(3)))
                .modified(Instant.parse("2026-06-01T10:00:00Z")
                        .plusSeconds(i * 61L)
                        .plusNanos(123_456_789));
        EndCustomer.Builder customer = EndCustomer.builder()
                .organization(ORGS[random.nextInt(ORGS.length)] + " " + i)
                .firstName("Max" + (i % 13))
                .lastName("Muster" + (i % 17))
                .email("contact" + i + "@example.org");
        if (random.nextBoolean()) {
            customer.country("CH");
        }
        if (random.nextInt(4) == 0) {
            customer.vatId("CHE-123.456.78" + (i % 10));
        }
        return license.customer(customer.build()).build();
    }

    /**
     * Licenses {@code from} (inclusive) to {@code to} (exclusive), in number order.
     *
     * @param from the first license's number
     * @param to the number after the last license's
     * @return the licenses
     */
    public static List<License> licenses(int from, int to) {
        List<License> licenses = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            licenses.add(license(i));
        }
        return licenses;
    }
}
