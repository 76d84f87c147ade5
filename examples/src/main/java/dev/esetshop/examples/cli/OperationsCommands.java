package dev.esetshop.examples.cli;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Violation;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.protocol.QuoteProtocol;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EulaAcceptance;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.OrderRequest;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.report.LicenseReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The commands for the people who run a shop against any endpoint that speaks ESET's partner protocol: credentials
 * from {@code ESET_USERNAME} and {@code ESET_PASSWORD}, the license book and order journal in an embedded H2 file.
 * A failure (unreachable host, wrong credentials, access not granted) is one line on standard error and exit 1.
 */
final class OperationsCommands {

    private OperationsCommands() {}

    /** {@code status}: the partner status (F1). */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Shows the reseller's ESET partner status.")
    static final class Status extends ShopCommand {
        @Override
        void run(PrintWriter out) throws IOException {
            Screens.partnerStatus(out, options.open().shop().status());
        }
    }

    /** {@code sync}: fetches the licenses into the book (F2). */
    @Command(name = "sync", mixinStandardHelpOptions = true, description = "Syncs the reseller's licenses from ESET.")
    static final class Sync extends ShopCommand {
        @Override
        void run(PrintWriter out) throws IOException {
            SyncReport report = options.open().shop().sync(Screens.progressBar(out));
            Screens.syncReport(out, report);
        }
    }

    /** {@code licenses}: the renewable licenses by expiry (F3). */
    @Command(name = "licenses", mixinStandardHelpOptions = true,
            description = "Lists the renewable licenses of the book, expiring first.")
    static final class Licenses extends ShopCommand {
        @Option(names = "--product", paramLabel = "CODE", description = "Only this product.")
        private String product;

        @Option(names = "--customer", paramLabel = "TEXT", description = "Only end customers whose name or email contains TEXT.")
        private String customer;

        @Option(names = "--expiring-within", paramLabel = "DAYS", description = "Only licenses expiring within DAYS days.")
        private Integer days;

        @Option(names = "--limit", paramLabel = "N", description = "At most N licenses.")
        private Integer limit;

        @Override
        void run(PrintWriter out) throws IOException {
            if ((days != null && days < 0) || (limit != null && limit < 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--expiring-within must be ≥ 0 and --limit ≥ 1");
            }
            var filter = LicenseFilter.builder();
            if (product != null) {
                filter.product(ProductCode.of(product));
            }
            if (customer != null) {
                filter.customerText(customer);
            }
            if (days != null) {
                filter.expiringWithinDays(days);
            }
            if (limit != null) {
                filter.limit(limit);
            }
            Screens.licenseTable(out, options.open().shop().renewableLicenses(filter.build()));
        }
    }

    /** {@code report}: the product report as CSV or XLSX (F4). */
    @Command(name = "report", mixinStandardHelpOptions = true, description = "Writes the product report as CSV or XLSX.")
    static final class Report extends ShopCommand {
        @Option(names = "--format", required = true, description = "csv or xlsx.")
        private LicenseReport.Format format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        private Path file;

        @Override
        void run(PrintWriter out) throws IOException {
            ShopOptions.Shop shop = options.open();
            try (OutputStream stream = Files.newOutputStream(file)) {
                LicenseReport.write(format, shop.store(), options.locale(), stream);
            }
            out.printf("%s: %d licenses%n", file, shop.store().count());
        }
    }

    /**
     * {@code order --request FILE}: quotes and orders one request of the quote protocol, extended with
     * {@code customer} (NEW, TRIAL), {@code eula} ({@code version}, {@code acceptedBy}; NEW, TRIAL),
     * {@code licenseId} (RENEWAL, PRODUCT_CHANGE: the license from the book) and {@code reference}.
     */
    @Command(name = "order", mixinStandardHelpOptions = true,
            description = "Quotes and orders one request (quote protocol + customer, eula, licenseId, reference).")
    static final class Order extends ShopCommand {
        private static final ObjectMapper JSON = JsonMapper.builder().build();

        @Option(names = "--request", required = true, paramLabel = "FILE", description = "The order request (JSON object).")
        private Path request;

        @Override
        void run(PrintWriter out) throws IOException {
            JsonNode node;
            try {
                node = JSON.readTree(Files.readString(request, StandardCharsets.UTF_8));
            } catch (tools.jackson.core.JacksonException e) {
                throw new IllegalArgumentException(request + " is not JSON");
            }
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException(request + " must hold one JSON object");
            }
            ShopOptions.Shop opened = options.open();
            EsetShop shop = opened.shop();
            Optional<License> license = Optional.empty();
            if (object.hasNonNull("licenseId")) {
                LicenseId id = LicenseId.of(object.get("licenseId").asString());
                license = Optional.of(shop.license(id).orElseThrow(() -> new IllegalArgumentException(
                        "license " + id + " is not in the license book: run sync first")));
                object.set("license", JSON.valueToTree(licenseObject(CurrentLicense.of(license.get()))));
            }
            // the shop prices with its own date and the partner's margin; the protocol wants both present
            object.put("today", shop.today().toString());
            if (!object.has("margin")) {
                object.put("margin", "0");
            }
            Locale locale = options.locale();
            QuoteProtocol.Decoded decoded = QuoteProtocol.of(opened.catalog()).decode(JSON.writeValueAsString(object));
            if (decoded instanceof QuoteProtocol.Decoded.Invalid invalid) {
                refused(out, invalid.violations(), locale);
                return;
            }
            QuoteResult quoted = shop.quote(((QuoteProtocol.Decoded.Request) decoded).request());
            if (quoted instanceof QuoteResult.Rejected rejected) {
                refused(out, rejected.violations(), locale);
                return;
            }
            Quote quote = ((QuoteResult.Accepted) quoted).quote();
            var order = OrderRequest.builder().quote(quote);
            license.ifPresent(order::license);
            customer(object).ifPresent(order::customer);
            eula(object).ifPresent(order::eula);
            if (object.hasNonNull("reference")) {
                order.reference(object.get("reference").asString());
            }
            OrderResult result = shop.order(order.build());
            print(out, quote, result, locale);
        }

        /** Each violation on its own line, in the reseller's language, with the request field it concerns. */
        private static void refused(PrintWriter out, List<Violation> violations, Locale locale) {
            violations.forEach(v -> out.printf("refused: %s (%s)%n", v.message(locale), v.field()));
        }

        private static void print(PrintWriter out, Quote quote, OrderResult result, Locale locale) {
            if (result instanceof OrderResult.Ordered ordered) {
                out.printf("ordered: license %s, ESET order %s, expires %s, your price %s %s%n",
                        ordered.license().id(), ordered.orderNumber(), ordered.license().expires(),
                        quote.yourPrice().toPlainString(), quote.currency().getCurrencyCode());
            } else if (result instanceof OrderResult.Refused refused) {
                refused(out, refused.violations(), locale);
                refused.detail().ifPresent(detail -> out.printf("refused by ESET: %s%n", detail));
            } else if (result instanceof OrderResult.Pending pending) {
                out.printf("pending: %s; it is journaled under key %s and the next command settles it%n",
                        pending.reason(), pending.idempotencyKey());
            }
        }

        private static java.util.Map<String, Object> licenseObject(CurrentLicense license) {
            java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("product", license.product());
            map.put("seats", license.seats());
            map.put("expires", license.expires().toString());
            license.discount().ifPresent(discount -> map.put("discount", discount));
            map.put("trial", license.trial());
            return map;
        }

        private static Optional<EndCustomer> customer(ObjectNode object) {
            JsonNode customer = object.get("customer");
            if (customer == null || !customer.isObject()) {
                return Optional.empty();
            }
            // absent fields become blank so that the shop names each of them in an END_CUSTOMER_INVALID violation
            var builder = EndCustomer.builder()
                    .organization(customer.path("organization").asString(""))
                    .firstName(customer.path("firstName").asString(""))
                    .lastName(customer.path("lastName").asString(""))
                    .email(customer.path("email").asString(""));
            if (customer.hasNonNull("country")) {
                builder.country(customer.get("country").asString());
            }
            if (customer.hasNonNull("vatId")) {
                builder.vatId(customer.get("vatId").asString());
            }
            return Optional.of(builder.build());
        }

        private static Optional<EulaAcceptance> eula(ObjectNode object) {
            JsonNode eula = object.get("eula");
            if (eula == null || !eula.isObject()) {
                return Optional.empty();
            }
            String version = eula.path("version").asString("");
            String acceptedBy = eula.path("acceptedBy").asString("");
            if (version.isBlank() || acceptedBy.isBlank()) {
                return Optional.empty(); // the shop then refuses the order with EULA_REQUIRED
            }
            return Optional.of(EulaAcceptance.of(version, acceptedBy, Instant.now()));
        }
    }
}
