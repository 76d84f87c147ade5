package dev.esetshop.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.esetshop.core.License;
import dev.esetshop.core.ProductCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.AvailableActions.Option;
import dev.esetshop.sdk.internal.ActionAdvisor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The license book's actions agree with pricing: every action offered has a smallest request that quotes accepted,
 * and for no refused action does any of its smallest requests quote accepted.
 */
class AvailableActionsPropertyTest {

    private static final Catalog CATALOG = Catalog.fromClasspath("sdk-test-catalog.json");
    private static final Pricing PRICING = Pricing.of(CATALOG);
    private static final List<String> PRODUCTS = List.of("AV", "SEC", "SUITE", "SMALL", "ONE", "GONE");
    private static final QuoteContext CONTEXT = QuoteContext.of(Fixtures.TODAY, new BigDecimal("0.25"));

    private final ActionAdvisor advisor = new ActionAdvisor(CATALOG, PRICING, GeneratedShopValues.INSTANCE);

    private static Gen<License> licenses() {
        return integers()
                .between(0, PRODUCTS.size() - 1)
                .zip(
                        integers().between(1, 120),
                        integers().between(-120, 400),
                        booleans().all(),
                        (product, seats, days, trial) -> Fixtures.license(
                                "LIC-" + product + "-" + seats + "-" + days,
                                PRODUCTS.get(product),
                                seats,
                                Fixtures.TODAY.plusDays(days),
                                trial,
                                Instant.parse("2026-03-01T00:00:00Z")));
    }

    @Test
    void offeredActionsQuoteAcceptedAndRefusedOnesNever() {
        Map<String, Integer> seen = new HashMap<>();
        qt().withFixedSeed(20260310L).withExamples(1000).forAll(licenses()).checkAssert(license -> {
            AvailableActions actions = advisor.actions(license, CONTEXT);
            CurrentLicense current = CurrentLicense.of(license);
            for (Option option : actions.all()) {
                seen.merge(option.action() + (option.applies() ? " offered" : " refused"), 1, Integer::sum);
                if (option.applies()) {
                    assertThat(PRICING.quote(option.example().orElseThrow(), CONTEXT)
                                    .isAccepted())
                            .as("%s offered for %s", option.action(), license)
                            .isTrue();
                } else {
                    assertThat(option.violations()).isNotEmpty();
                    for (QuoteRequest request : smallestRequests(option.action(), current)) {
                        assertThat(PRICING.quote(request, CONTEXT).isAccepted())
                                .as("%s refused for %s but %s quotes", option.action(), license, request)
                                .isFalse();
                    }
                }
            }
            for (ProductCode target : actions.changeProduct().targets()) {
                assertThat(advisor.changes(current, target.value()).stream()
                                .map(request -> PRICING.quote(request, CONTEXT))
                                .anyMatch(QuoteResult::isAccepted))
                        .isTrue();
            }
        });
        // the property says something only when the random licenses reach both sides of every action
        for (AvailableActions.Action action : AvailableActions.Action.values()) {
            assertThat(seen.getOrDefault(action + " offered", 0))
                    .as(action + " offered")
                    .isGreaterThan(50);
            assertThat(seen.getOrDefault(action + " refused", 0))
                    .as(action + " refused")
                    .isGreaterThan(50);
        }
    }

    private List<QuoteRequest> smallestRequests(AvailableActions.Action action, CurrentLicense current) {
        return switch (action) {
            case RENEW -> ActionAdvisor.renewals(current);
            case EXTEND -> List.of(ActionAdvisor.extension(current));
            case CONVERT_TRIAL -> ActionAdvisor.conversions(current);
            case CHANGE_PRODUCT -> {
                List<QuoteRequest> all = new ArrayList<>();
                CATALOG.product(current.product())
                        .ifPresent(product -> product.changeTo()
                                .forEach(target -> all.addAll(advisor.changes(current, target.value()))));
                yield all;
            }
        };
    }
}
