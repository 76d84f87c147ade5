package dev.esetshop.benchmarks;

import dev.esetshop.core.Money;
import dev.esetshop.core.ProductCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.catalog.PriceAction;
import dev.esetshop.pricing.catalog.PriceRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Quotes per second of the seed NEW quote and of a renewal with an extension line, each beside its floor: the same
 * arithmetic hand-inlined on a row already looked up, with no rules, no lookup and no result objects. The quote
 * should stay within 3× of its floor and above a million per second on one core.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar QuoteBenchmark -f 1 -wi 4 -i 10 -w 2s -r 1s -t 1 -prof gc}
 * and compare each quote with its floor of the same run; on a shared machine take several runs and compare the
 * fastest iterations. {@link QuoteFloorRatio} times the same methods in alternating batches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QuoteBenchmark {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    /** {@code sample} for the catalog in the pricing jar, or a catalog file (relative: found walking up). */
    @Param(BenchmarkFiles.SAMPLE_CATALOG)
    public String catalogPath;

    private Pricing pricing;
    private NewLicenseRequest seedNew;
    private QuoteContext seedNewContext;
    private RenewalRequest renewal;
    private QuoteContext renewalContext;
    private PriceRow newRow;
    private PriceRow renewalRow;
    private PriceRow extensionRow;
    private Currency currency;

    /** Loads the catalog, builds the requests and looks up the floors' rows once. */
    @Setup
    public void setUp() {
        Catalog catalog = BenchmarkFiles.catalog(catalogPath);
        pricing = Pricing.of(catalog);
        currency = catalog.currency();
        seedNew = NewLicenseRequest.builder().product("EAVB").seats(6).years(1).build();
        seedNewContext = QuoteContext.of(LocalDate.of(2019, 6, 3), new BigDecimal("0.25"));
        renewal = RenewalRequest.builder()
                .license(CurrentLicense.builder()
                        .product("EAVB")
                        .seats(8)
                        .expires(LocalDate.of(2024, 9, 1))
                        .build())
                .seats(15)
                .years(1)
                .build();
        renewalContext = QuoteContext.of(LocalDate.of(2024, 3, 1), new BigDecimal("0.20"));
        ProductCode eavb = ProductCode.of("EAVB");
        newRow = catalog.row(eavb, PriceAction.NEW, 1, 6).orElseThrow();
        renewalRow = catalog.row(eavb, PriceAction.RENEWAL, 1, 15).orElseThrow();
        extensionRow = catalog.row(eavb, PriceAction.NEW, 1, 15).orElseThrow();
        if (!pricing.quote(seedNew, seedNewContext).isAccepted()
                || !pricing.quote(renewal, renewalContext).isAccepted()) {
            throw new IllegalStateException("the benchmark's requests must be accepted");
        }
    }

    /** The seed NEW quote: 6 seats of EAVB for 1 year at 25 % margin. */
    @Benchmark
    public QuoteResult seedNewQuote() {
        return pricing.quote(seedNew, seedNewContext);
    }

    /** Floor of {@link #seedNewQuote()}: list, street and your price of one line on the looked-up row. */
    @Benchmark
    public void seedNewFloor(Blackhole hole) {
        BigDecimal list = newRow.unitPrice().multiply(BigDecimal.valueOf(6));
        hole.consume(Money.rounded(list, currency));
        hole.consume(Money.rounded(list.multiply(BigDecimal.ONE.subtract(seedNewContext.margin())), currency));
    }

    /** A renewal from 8 to 15 seats for 1 year with a prorated extension line for the 7 seats added. */
    @Benchmark
    public QuoteResult renewalWithExtension() {
        return pricing.quote(renewal, renewalContext);
    }

    /**
     * Floor of {@link #renewalWithExtension()}: both lines' arithmetic, the extension's exact fraction divided by 365
     * once per amount, inside its rounding, and the totals.
     */
    @Benchmark
    public void renewalWithExtensionFloor(Blackhole hole) {
        BigDecimal keep = BigDecimal.ONE.subtract(renewalContext.margin());
        BigDecimal renewalList = renewalRow.unitPrice().multiply(BigDecimal.valueOf(15));
        Money renewalStreet = Money.rounded(renewalList, currency);
        Money renewalYours = Money.rounded(renewalList.multiply(keep), currency);
        long days = renewal.license().expires().toEpochDay()
                - renewalContext.today().toEpochDay();
        BigDecimal extensionTimesDays = extensionRow.unitPrice().multiply(BigDecimal.valueOf(7 * days));
        Money extensionStreet = Money.roundedQuotient(extensionTimesDays, DAYS_PER_YEAR, currency);
        Money extensionYours = Money.roundedQuotient(extensionTimesDays.multiply(keep), DAYS_PER_YEAR, currency);
        hole.consume(renewalStreet.plus(extensionStreet));
        hole.consume(renewalYours.plus(extensionYours));
    }
}
