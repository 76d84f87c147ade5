package dev.esetshop.sdk;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.PriceRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Shared test data. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    /**
     * The SDK tests' catalog: products AV, SEC, SUITE, SMALL and ONE in EUR, priced by pricing's own rule engine (AV:
     * 5 to 100 seats, 24.50 per seat for a new license of one year up to 10 seats).
     */
    static final Catalog CATALOG = Catalog.fromClasspath("sdk-test-catalog.json");

    private Fixtures() {}

    /** The test catalog as the distributor republishes it with one price changed: the same rules, another fingerprint. */
    static Catalog republishedCatalog() {
        List<PriceRow> prices = new ArrayList<>(CATALOG.prices());
        PriceRow first = prices.get(0);
        prices.set(
                0,
                PriceRow.builder()
                        .from(first)
                        .unitPrice(first.unitPrice().add(BigDecimal.ONE))
                        .build());
        return Catalog.of(CATALOG.currency(), CATALOG.products(), prices, CATALOG.discounts(), CATALOG.policy());
    }

    static EndCustomer customer() {
        return EndCustomer.builder()
                .organization("Muster GmbH")
                .firstName("Anna")
                .lastName("Muster")
                .email("anna@muster.example")
                .build();
    }

    static EulaAcceptance eula() {
        return EulaAcceptance.of("2025-01", "reseller-user-7", NOW);
    }

    static License license(String id, String product, int seats, LocalDate expires, boolean trial, Instant modified) {
        return License.builder()
                .id(LicenseId.of(id))
                .licenseKey(Secret.of("SECRET-" + id))
                .productCode(ProductCode.of(product))
                .productName("ESET " + product)
                .seats(Seats.of(seats))
                .usedSeats(0)
                .state(LicenseState.NORMAL)
                .trial(trial)
                .issued(expires.minusYears(1))
                .expires(expires)
                .modified(modified)
                .customer(customer())
                .build();
    }

    /** The confirmation event id of the order sent with this key. */
    static String eventId(String key) {
        return dev.esetshop.sdk.confirm.OrderConfirmed.eventIdFor(IdempotencyKey.of(key));
    }

    /** Deterministic idempotency keys: prefix-1, prefix-2, ... */
    static Supplier<IdempotencyKey> keys(String prefix) {
        AtomicInteger next = new AtomicInteger(1);
        return () -> IdempotencyKey.of(prefix + "-" + next.getAndIncrement());
    }
}
