package dev.esetshop.pricing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Sku;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.CatalogPolicy;
import dev.esetshop.pricing.catalog.PriceAction;
import dev.esetshop.pricing.catalog.PriceRow;
import dev.esetshop.pricing.catalog.Product;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generators of catalogs and requests for the property tests, drawn from QuickTheories' randomness so they shrink.
 * Catalogs are consistent by construction (contiguous bands, sometimes with gaps); requests aim at the catalog's
 * products and bands often enough that most are accepted, and at the rules' edges often enough to break them.
 */
final class Generators {

    private static final List<String> CURRENCIES = List.of("EUR", "CHF", "JPY", "USD", "KWD");

    private Generators() {}

    /** A consistent catalog with a request context. */
    record World(Catalog catalog, LocalDate today, BigDecimal margin) {
        QuoteContext context() {
            return QuoteContext.of(today, margin);
        }
    }

    static int between(RandomnessSource in, int low, int high) {
        return integers().between(low, high).generate(in);
    }

    /** Any int. */
    static int anyInt(RandomnessSource in) {
        return integers().all().generate(in);
    }

    static boolean chance(RandomnessSource in, int percent) {
        return between(in, 1, 100) <= percent;
    }

    static <T> T pick(RandomnessSource in, List<T> values) {
        return values.get(between(in, 0, values.size() - 1));
    }

    /** A decimal with up to {@code places} places in [0, maxUnits). */
    static BigDecimal decimal(RandomnessSource in, int places, long maxUnits) {
        int scale = between(in, 0, places);
        long bound = maxUnits * BigDecimal.TEN.pow(scale).longValueExact();
        return BigDecimal.valueOf(longs().between(0, bound - 1).generate(in), scale);
    }

    /** A share in [0, 1) with up to 4 places. */
    static BigDecimal share(RandomnessSource in) {
        return chance(in, 15) ? BigDecimal.ZERO : decimal(in, 4, 1);
    }

    static Gen<World> worlds() {
        return in -> {
            Currency currency = Currency.getInstance(pick(in, CURRENCIES));
            int productCount = between(in, 1, 4);
            List<Product> products = new ArrayList<>();
            List<PriceRow> prices = new ArrayList<>();
            for (int p = 0; p < productCount; p++) {
                int min = between(in, 1, 20);
                int max = min + between(in, 0, 300);
                List<Integer> months = new ArrayList<>();
                for (int m : List.of(1, 3, 6)) {
                    if (chance(in, 50)) {
                        months.add(m);
                    }
                }
                List<ProductCode> changeTo = new ArrayList<>();
                for (int other = 0; other < productCount; other++) {
                    if (other != p && chance(in, 60)) {
                        changeTo.add(ProductCode.of("P" + other));
                    }
                }
                products.add(Product.builder()
                        .code(ProductCode.of("P" + p))
                        .name("Product " + p)
                        .minSeats(min)
                        .maxSeats(max)
                        .trialMonths(months)
                        .changeTo(changeTo)
                        .build());
                for (PriceAction action : PriceAction.values()) {
                    for (int years = 1; years <= 3; years++) {
                        if (chance(in, 85)) {
                            prices.addAll(bands(in, "P" + p, action, years, min, max));
                        }
                    }
                }
            }
            List<DiscountProgramme> discounts = new ArrayList<>();
            int discountCount = between(in, 0, 3);
            for (int d = 0; d < discountCount; d++) {
                discounts.add(DiscountProgramme.builder()
                        .code("D" + d)
                        .name("Programme " + d)
                        .rate(share(in))
                        .eligibilityRequired(chance(in, 50))
                        .build());
            }
            CatalogPolicy policy = new CatalogPolicy(
                    share(in), chance(in, 10) ? BigDecimal.ONE : share(in), between(in, 0, 90), between(in, 0, 90));
            Catalog catalog = Catalog.of(currency, products, prices, discounts, policy);
            LocalDate today = LocalDate.of(2020, 1, 1).plusDays(between(in, 0, 3650));
            BigDecimal margin = share(in);
            return new World(catalog, today, margin);
        };
    }

    private static List<PriceRow> bands(
            RandomnessSource in, String product, PriceAction action, int years, int min, int max) {
        List<PriceRow> rows = new ArrayList<>();
        int from = min;
        int band = 0;
        while (from <= max) {
            int to = Math.min(max, from + between(in, 0, 60));
            if (!chance(in, 10)) {
                rows.add(PriceRow.builder()
                        .sku(Sku.of(product + "-" + action.name().charAt(0) + years + "B" + band++))
                        .product(ProductCode.of(product))
                        .action(action)
                        .years(years)
                        .minSeats(from)
                        .maxSeats(to)
                        .unitPrice(decimal(in, 6, 500).add(new BigDecimal("0.000001")))
                        .build());
            }
            from = to + 1;
        }
        return rows;
    }

    /** A product code of the catalog, or now and then one it does not have. */
    static String productCode(RandomnessSource in, Catalog catalog) {
        return chance(in, 5) ? "NOPE" : pick(in, catalog.products()).code().value();
    }

    /** Seats mostly inside the product's range, sometimes just outside. */
    static int seats(RandomnessSource in, Catalog catalog, String code) {
        Optional<Product> product = catalog.product(code);
        if (product.isEmpty() || chance(in, 5)) {
            return between(in, 0, 400);
        }
        return between(
                in, Math.max(1, product.get().minSeats() - 1), product.get().maxSeats() + 1);
    }

    static Optional<String> discount(RandomnessSource in, Catalog catalog) {
        if (catalog.discounts().isEmpty() || chance(in, 50)) {
            return chance(in, 3) ? Optional.of("UNKNOWN") : Optional.empty();
        }
        return Optional.of(pick(in, catalog.discounts()).code());
    }

    static Crossgrade crossgrade(RandomnessSource in, int seats, LocalDate today) {
        return Crossgrade.of(
                between(in, 0, Math.max(1, seats * 2)),
                today.plusDays(between(in, -150, 150)),
                chance(in, 10) ? pick(in, List.of("", " ", "\t")) : "proof-" + between(in, 1, 999));
    }

    /** A conversion of the license (a trial or not) to {@code seats} paid seats, with a programme or a crossgrade. */
    static TrialConversionRequest conversion(
            RandomnessSource in, Catalog catalog, LocalDate today, CurrentLicense license, int seats) {
        TrialConversionRequest.Builder request =
                TrialConversionRequest.builder().license(license).seats(seats).years(between(in, 1, 4));
        Optional<String> discount = discount(in, catalog);
        discount.ifPresent(request::discount);
        if (chance(in, 80)) {
            request.eligibilityCode("E-" + between(in, 1, 99));
        }
        if (discount.isEmpty() && chance(in, 30)) {
            request.crossgrade(crossgrade(in, seats, today));
        }
        return request.build();
    }

    /** A request of any operation against the world's catalog. */
    static Gen<QuoteRequest> requests(World world) {
        Catalog catalog = world.catalog();
        LocalDate today = world.today();
        return in -> {
            int operation = between(in, 0, 4);
            String product = productCode(in, catalog);
            int seats = seats(in, catalog, product);
            if (operation == 0) {
                NewLicenseRequest.Builder request = NewLicenseRequest.builder()
                        .product(product)
                        .seats(seats)
                        .years(between(in, 1, 4));
                Optional<String> discount = discount(in, catalog);
                discount.ifPresent(request::discount);
                if (chance(in, 80)) {
                    request.eligibilityCode("E-" + between(in, 1, 99));
                }
                if (discount.isEmpty() && chance(in, 30)) {
                    request.crossgrade(crossgrade(in, seats, today));
                }
                return request.build();
            }
            if (operation == 3) {
                return TrialRequest.builder()
                        .product(product)
                        .seats(seats)
                        .months(pick(in, List.of(1, 2, 3, 6)))
                        .build();
            }
            int oldSeats = between(in, 1, Math.max(1, seats + 20));
            CurrentLicense.Builder licenseBuilder = CurrentLicense.builder()
                    .product(productCode(in, catalog))
                    .seats(oldSeats)
                    .expires(today.plusDays(between(in, -100, 800)));
            discount(in, catalog).ifPresent(licenseBuilder::discount);
            CurrentLicense license = licenseBuilder.trial(chance(in, 5)).build();
            if (operation == 4) {
                return conversion(
                        in,
                        catalog,
                        today,
                        CurrentLicense.builder()
                                .from(license)
                                .product(product)
                                .trial(chance(in, 90))
                                .build(),
                        seats);
            }
            if (operation == 1) {
                return RenewalRequest.builder()
                        .license(license)
                        .seats(chance(in, 30) ? oldSeats : seats)
                        .years(between(in, 0, 3))
                        .build();
            }
            return ProductChangeRequest.builder()
                    .license(license)
                    .targetProduct(product)
                    .seats(Math.max(seats, chance(in, 80) ? oldSeats : 0))
                    .years(between(in, 1, 3))
                    .build();
        };
    }
}
