package dev.esetshop.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.pricing.catalog.Catalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pricing that has quoted before answers exactly as a new one: what it keeps from the last quote (the margin's
 * terms, the last expiration) never leaks into the next, however margins, dates and terms alternate, on one thread or
 * on several at once.
 */
class RepeatedQuotesTest {

    private static final Catalog CATALOG = SampleCatalog.catalog();
    private static final long SEED = 20_261_207L;
    /** Equal by value, some not by scale ({@code 0.25} and {@code 0.250}), and out of range. */
    private static final List<String> MARGINS = List.of("0.25", "0.250", "0.2", "0", "0.00", "0.175", "1", "-0.1");

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 2, 27);

    /** A request and context of a mix that makes every cached input change from one quote to the next. */
    private record Case(QuoteRequest request, QuoteContext context) {}

    private static List<Case> cases(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate today = FIRST_DAY.plusDays(random.nextInt(5));
            QuoteContext context = QuoteContext.of(today, new BigDecimal(MARGINS.get(random.nextInt(MARGINS.size()))));
            int years = random.nextInt(1, 4);
            QuoteRequest request = random.nextBoolean()
                    ? NewLicenseRequest.builder()
                            .product("EAVB")
                            .seats(random.nextInt(5, 60))
                            .years(years)
                            .build()
                    : RenewalRequest.builder()
                            .license(CurrentLicense.builder()
                                    .product("EESB")
                                    .seats(10)
                                    .expires(today.plusDays(random.nextInt(-3, 400)))
                                    .build())
                            .seats(random.nextInt(10, 40))
                            .years(random.nextInt(0, 3))
                            .build();
            cases.add(new Case(request, context));
        }
        return cases;
    }

    private static QuoteResult fresh(Case c) {
        return Pricing.of(CATALOG).quote(c.request(), c.context());
    }

    @Test
    void eachQuoteOfAUsedPricingEqualsTheQuoteOfANewOne() {
        Pricing used = Pricing.of(CATALOG);
        int accepted = 0;
        for (Case c : cases(SEED, 3_000)) {
            QuoteResult result = used.quote(c.request(), c.context());
            assertThat(result).as("%s at %s", c.request(), c.context()).isEqualTo(fresh(c));
            accepted += result.isAccepted() ? 1 : 0;
        }
        assertThat(accepted).as("accepted quotes").isBetween(1_000, 2_900);
    }

    @Test
    void threadsQuotingAtOnceEachGetTheirOwnAnswers() throws Exception {
        Pricing shared = Pricing.of(CATALOG);
        int threads = 4;
        List<List<Case>> casesPerThread = new ArrayList<>();
        List<List<QuoteResult>> expectedPerThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Case> cases = cases(SEED + t, 2_000);
            List<QuoteResult> expected = new ArrayList<>();
            cases.forEach(c -> expected.add(fresh(c)));
            casesPerThread.add(cases);
            expectedPerThread.add(expected);
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Case> cases = casesPerThread.get(t);
                List<QuoteResult> expected = expectedPerThread.get(t);
                mismatches.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int wrong = 0;
                    for (int i = 0; i < cases.size(); i++) {
                        Case c = cases.get(i);
                        if (!shared.quote(c.request(), c.context()).equals(expected.get(i))) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> wrong : mismatches) {
                assertThat(wrong.get(60, TimeUnit.SECONDS))
                        .as("quotes unlike a new pricing's")
                        .isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
