package dev.esetshop.examples.cli;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.core.Crossgrade;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationMessages;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.Pricing;
import dev.esetshop.pricing.ProductChangeRequest;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteContext;
import dev.esetshop.pricing.QuoteRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.RenewalRequest;
import dev.esetshop.pricing.TrialRequest;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.AvailableActions;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.confirm.ConfirmationEmail;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.sdk.confirm.RenderedEmail;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.present.ShopPresentation;
import dev.esetshop.sdk.report.LicenseReport;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.SandboxFaults;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./eset-shop demo}: the whole shop on an embedded ESET sandbox with light faults, as a reseller would use it
 * through a marketplace: sync, partner status, the licenses expiring first, the seed quotes, a request that breaks
 * rules in three languages, a new license, a renewal with extension, a product change and a trial, a confirmation
 * e-mail, and the product report as CSV and XLSX.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs the whole shop on an embedded ESET sandbox (a few hundred licenses, light faults).")
public final class DemoCommand implements Callable<Integer> {

    private static final int WIDTH = 100;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private CatalogOption catalogOption;

    @Option(
            names = "--licenses",
            defaultValue = "300",
            description = "Licenses the sandbox holds (default ${DEFAULT-VALUE}).")
    private int licenses;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "Seed of the sandbox's licenses and faults (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--failure-rate",
            defaultValue = "0.05",
            description = "Share of ESET answers that fail transiently (default ${DEFAULT-VALUE}).")
    private double failureRate;

    @Option(
            names = "--out",
            defaultValue = ".",
            paramLabel = "DIR",
            description = "Where report.csv and report.xlsx are written (default: the current folder).")
    private Path out;

    @Option(
            names = "--locale",
            defaultValue = "en",
            description = "en, de or fr: messages, e-mail and report (default ${DEFAULT-VALUE}).")
    private String localeTag;

    private PrintWriter print;
    private ScreenTexts texts;

    @Override
    public Integer call() throws IOException {
        if (licenses < 0 || licenses > 100_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--licenses must be between 0 and 100000");
        }
        if (!(failureRate >= 0 && failureRate <= 0.5)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--failure-rate must be between 0 and 0.5");
        }
        print = spec.commandLine().getOut();
        Locale locale = ViolationMessages.localeOf(localeTag);
        texts = ScreenTexts.of(locale);
        long started = System.nanoTime();
        Catalog catalog = catalogOption.load();
        Clock clock = Clock.systemUTC();

        try (EsetSandbox sandbox = EsetSandbox.builder()
                .seed(seed)
                .licenses(licenses)
                .malformedRecords(licenses > 0 ? 1 : 0)
                .faults(SandboxFaults.builder().failureRate(failureRate).build())
                .clock(clock)
                .start()) {
            heading(texts.text("heading.sandbox"));
            print.println(texts.text(
                    "demo.running",
                    sandbox.baseUri().toString(),
                    sandbox.username(),
                    String.valueOf(sandbox.licenseCount()),
                    String.format(Locale.ROOT, "%.0f", failureRate * 100)));

            EsetPartnerApi api = EsetPartnerClient.builder()
                    .baseUri(sandbox.baseUri())
                    .credentials(sandbox.username(), sandbox.password())
                    .retry(RetrySettings.builder()
                            .baseDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofMillis(200))
                            .build())
                    .build();
            DataSource database = JdbcStorage.h2InMemory("eset-shop-demo-" + seed);
            JdbcLicenseStore store = JdbcLicenseStore.create(database, JdbcStorage.DEFAULT_RESELLER);
            List<OrderConfirmed> confirmations = new CopyOnWriteArrayList<>();
            EsetShop shop = EsetShop.builder()
                    .catalog(catalog)
                    .partnerApi(api)
                    .clock(clock)
                    .licenseStore(store)
                    .orderJournal(JdbcOrderJournal.create(database, JdbcStorage.DEFAULT_RESELLER))
                    .marketplaceCustomerNumber("ACMP-100482")
                    .addConfirmationListener(confirmations::add)
                    .locale(locale)
                    .build();

            SyncReport sync = sync(shop);
            status(shop.status());
            expiringFirst(shop);
            seedQuotes(catalog);
            brokenCrossgrade(catalog);
            List<String> placed = orders(shop, locale);
            confirmation(confirmations, locale);
            List<Path> reports = reports(store, locale);

            heading(texts.text("heading.summary"));
            Map<String, String> summary = new LinkedHashMap<>();
            summary.put(
                    texts.text("demo.summary.licenses"),
                    texts.text(
                            "demo.summary.licensesValue",
                            String.valueOf(store.count()),
                            String.valueOf(sync.added()),
                            String.valueOf(sync.quarantined().size())));
            summary.put(texts.text("demo.summary.orders"), String.join(", ", placed));
            summary.put(
                    texts.text("demo.summary.requests"),
                    texts.text("demo.summary.requestsValue", String.valueOf(sandbox.requestsReceived())));
            summary.put(texts.text("demo.summary.confirmations"), String.valueOf(confirmations.size()));
            summary.put(texts.text("demo.summary.reports"), reports.toString());
            summary.put(
                    texts.text("demo.summary.elapsed"),
                    String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9));
            Screens.labelled(print, summary);
        }
        print.flush();
        return 0;
    }

    private SyncReport sync(EsetShop shop) {
        heading(texts.text("heading.sync"));
        SyncReport report = shop.sync(Screens.progressBar(print, texts));
        Screens.syncReport(print, texts, report);
        return report;
    }

    private void status(PartnerStatus status) {
        heading(texts.text("heading.status"));
        Screens.partnerStatus(print, texts, status);
    }

    private void expiringFirst(EsetShop shop) {
        heading(texts.text("heading.expiring"));
        Screens.licenseTable(
                print,
                texts,
                shop.renewableLicenses(LicenseFilter.builder().limit(10).build()));
    }

    private void seedQuotes(Catalog catalog) {
        heading(texts.text("heading.quotes"));
        Pricing pricing = Pricing.of(catalog);
        LocalDate day = LocalDate.of(2019, 6, 3);
        quoteRow(
                pricing,
                texts.text("demo.seed.new"),
                NewLicenseRequest.builder().product("EAVB").seats(6).years(1).build(),
                QuoteContext.of(day, new BigDecimal("0.25")));
        quoteRow(
                pricing,
                texts.text("demo.seed.renewal"),
                RenewalRequest.builder()
                        .license(CurrentLicense.builder()
                                .product("EMDS")
                                .seats(5)
                                .expires(LocalDate.of(2019, 6, 23))
                                .build())
                        .seats(5)
                        .years(1)
                        .build(),
                QuoteContext.of(day, new BigDecimal("0.25")));
        quoteRow(
                pricing,
                texts.text("demo.seed.change"),
                ProductChangeRequest.builder()
                        .license(CurrentLicense.builder()
                                .product("ESBP")
                                .seats(10)
                                .expires(LocalDate.of(2020, 4, 1))
                                .build())
                        .targetProduct("ESB")
                        .seats(12)
                        .years(1)
                        .build(),
                QuoteContext.of(day, new BigDecimal("0.20")));
    }

    private void quoteRow(Pricing pricing, String label, QuoteRequest request, QuoteContext context) {
        QuoteResult result = pricing.quote(request, context);
        if (result instanceof QuoteResult.Accepted accepted) {
            Quote quote = accepted.quote();
            print.printf(
                    "%-32s %-11s %s%n",
                    label,
                    quote.lines().get(0).sku(),
                    texts.text(
                            "demo.quote",
                            quote.streetPrice().toPlainString(),
                            quote.yourPrice().toPlainString(),
                            quote.currency().getCurrencyCode(),
                            quote.expires().toString(),
                            context.margin()
                                    .movePointRight(2)
                                    .stripTrailingZeros()
                                    .toPlainString()));
        } else {
            print.printf(
                    "%-32s %s%n",
                    label,
                    texts.text(
                            "order.refused",
                            ((QuoteResult.Rejected) result)
                                    .violations().stream()
                                            .map(v -> v.message(texts.locale()))
                                            .collect(java.util.stream.Collectors.joining(" "))));
        }
    }

    private void brokenCrossgrade(Catalog catalog) {
        heading(texts.text("heading.crossgrade"));
        LocalDate today = LocalDate.of(2024, 3, 1);
        NewLicenseRequest request = NewLicenseRequest.builder()
                .product("EESB")
                .seats(20)
                .years(1)
                .discount("EDU")
                .eligibilityCode("EDU-77")
                .crossgrade(Crossgrade.of(5, today.minusDays(200), " "))
                .build();
        print.println(texts.text("demo.crossgradeIntro"));
        QuoteResult result = Pricing.of(catalog).quote(request, QuoteContext.of(today, new BigDecimal("0.25")));
        if (result instanceof QuoteResult.Rejected rejected) {
            for (Violation violation : rejected.violations()) {
                print.printf("  %s (%s)%n", violation.code(), violation.field());
                for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH)) {
                    print.printf("    %s  %s%n", language.getLanguage(), violation.message(language));
                }
            }
        }
    }

    private List<String> orders(EsetShop shop, Locale locale) {
        heading(texts.text("heading.orders"));
        EulaAcceptance eula = EulaAcceptance.of(
                "ESET-EULA-2024",
                "anna.keller@reseller.example",
                shop.today().atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        EndCustomer customer = EndCustomer.builder()
                .organization("Bergbahnen Muster AG")
                .firstName("Urs")
                .lastName("Brunner")
                .email("urs.brunner@bergbahnen-muster.example")
                .country("CH")
                .build();
        List<String> placed = new ArrayList<>();

        quoteAndOrder(
                shop,
                locale,
                placed,
                texts.text("demo.order.new"),
                NewLicenseRequest.builder().product("EESB").seats(10).years(1).build(),
                quote -> shop.order(quote, eula, customer));

        renewable(shop)
                .ifPresent(license -> quoteAndOrder(
                        shop,
                        locale,
                        placed,
                        texts.text("demo.order.renewal", license.id().value()),
                        RenewalRequest.builder()
                                .license(CurrentLicense.of(license))
                                .seats(license.seats().count() + 2)
                                .years(1)
                                .build(),
                        quote -> shop.order(quote, license)));

        changeable(shop)
                .ifPresent(change -> quoteAndOrder(
                        shop,
                        locale,
                        placed,
                        texts.text("demo.order.change", change.license().id().value(), change.target()),
                        ProductChangeRequest.builder()
                                .license(CurrentLicense.of(change.license()))
                                .targetProduct(change.target())
                                .seats(change.license().seats().count())
                                .years(1)
                                .build(),
                        quote -> shop.order(quote, change.license())));

        quoteAndOrder(
                shop,
                locale,
                placed,
                texts.text("demo.order.trial"),
                TrialRequest.builder().product("EAVB").seats(25).months(1).build(),
                quote -> shop.order(quote, eula, customer));
        return placed;
    }

    private Optional<License> renewable(EsetShop shop) {
        for (License license : shop.renewableLicenses(
                LicenseFilter.builder().includeTrials(false).build())) {
            if (license.expires().isAfter(shop.today().plusDays(30))
                    && license.state().known().isPresent()
                    && shop.availableActions(license).extend().applies()) {
                RenewalRequest probe = RenewalRequest.builder()
                        .license(CurrentLicense.of(license))
                        .seats(license.seats().count() + 2)
                        .years(1)
                        .build();
                if (shop.quote(probe).isAccepted()) {
                    return Optional.of(license);
                }
            }
        }
        return Optional.empty();
    }

    private record Change(License license, String target) {}

    private Optional<Change> changeable(EsetShop shop) {
        for (License license : shop.renewableLicenses(
                LicenseFilter.builder().includeTrials(false).build())) {
            AvailableActions.Option change = shop.availableActions(license).changeProduct();
            if (change.applies()
                    && !change.targets().isEmpty()
                    && license.expires().isAfter(shop.today().plusDays(30))) {
                return Optional.of(new Change(license, change.targets().get(0).value()));
            }
        }
        return Optional.empty();
    }

    private void quoteAndOrder(
            EsetShop shop,
            Locale locale,
            List<String> placed,
            String label,
            QuoteRequest request,
            java.util.function.Function<Quote, OrderResult> order) {
        print.printf("%s%n", label);
        ShopPresentation present = ShopPresentation.of(locale, shop.zone());
        QuoteResult result = shop.quote(request);
        if (result instanceof QuoteResult.Rejected rejected) {
            rejected.violations().forEach(v -> print.println("  " + texts.text("order.refused", present.violation(v))));
            return;
        }
        Quote quote = ((QuoteResult.Accepted) result).quote();
        quote.lines()
                .forEach(line -> print.printf(
                        "  %-8s %-11s %s%n",
                        present.quoteLine(line.kind()),
                        line.sku(),
                        texts.text(
                                "demo.line",
                                present.count(line.seats()),
                                present.money(line.streetPrice()),
                                present.money(line.yourPrice()))));
        print.println("  "
                + texts.text(
                        "demo.total",
                        present.money(quote.streetPrice()),
                        present.money(quote.yourPrice()),
                        present.date(quote.expires())));
        OrderResult outcome = order.apply(quote);
        if (outcome instanceof OrderResult.Ordered ordered) {
            print.println("  "
                    + texts.text(
                            "order.ordered",
                            ordered.license().id().value(),
                            ordered.orderNumber(),
                            present.date(ordered.license().expires()),
                            present.money(quote.yourPrice())));
            placed.add(present.operation(quote.request().operation()));
        } else if (outcome instanceof OrderResult.Refused refused) {
            refused.violations().forEach(v -> print.println("  " + texts.text("order.refused", present.violation(v))));
            refused.detail().ifPresent(detail -> print.println("  " + Screens.said(texts, refused, detail)));
        } else if (outcome instanceof OrderResult.Pending pending) {
            print.println("  "
                    + texts.text(
                            "order.pending",
                            pending.reason(),
                            pending.idempotencyKey().value()));
        }
    }

    private void confirmation(List<OrderConfirmed> confirmations, Locale locale) {
        heading(texts.text("heading.email"));
        if (confirmations.isEmpty()) {
            print.println(texts.text("demo.noConfirmation"));
            return;
        }
        RenderedEmail email = ConfirmationEmail.render(confirmations.get(0), locale);
        print.printf(
                "%s%n%n%s%n",
                texts.text("order.subject", email.subject()), email.text().strip());
    }

    private List<Path> reports(JdbcLicenseStore store, Locale locale) throws IOException {
        heading(texts.text("heading.report"));
        Files.createDirectories(out);
        Path csv = out.resolve("report.csv");
        Path xlsx = out.resolve("report.xlsx");
        try (OutputStream stream = Files.newOutputStream(csv)) {
            LicenseReport.csv(store, locale, stream);
        }
        try (OutputStream stream = Files.newOutputStream(xlsx)) {
            LicenseReport.xlsx(store, locale, stream);
        }
        print.printf("%s (%d bytes), %s (%d bytes)%n", csv, Files.size(csv), xlsx, Files.size(xlsx));
        return List.of(csv, xlsx);
    }

    private void heading(String title) {
        print.println();
        print.println("== " + title + " " + "=".repeat(Math.max(0, WIDTH - title.length() - 4)));
    }
}
