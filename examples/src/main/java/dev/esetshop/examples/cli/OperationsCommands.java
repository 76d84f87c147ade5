package dev.esetshop.examples.cli;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.Operation;
import dev.esetshop.core.ProductCode;
import dev.esetshop.pricing.CurrentLicense;
import dev.esetshop.pricing.Quote;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.pricing.protocol.QuoteProtocol;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.OrderDraft;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.RenewalBatch;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.jdbc.JdbcOrderJournal;
import dev.esetshop.sdk.license.LicenseQuery;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistory;
import dev.esetshop.sdk.order.OrderHistoryQuery;
import dev.esetshop.sdk.remind.ReminderReport;
import dev.esetshop.sdk.remind.RemindersDue;
import dev.esetshop.sdk.remind.RenewalReminder;
import dev.esetshop.sdk.report.LicenseReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The commands for the people who run a shop against any endpoint that speaks ESET's partner protocol: credentials
 * from {@code ESET_USERNAME} and {@code ESET_PASSWORD}, the license book and order journal in an embedded H2 file.
 * A failure (unreachable host, wrong credentials, access not granted) is one line on standard error and exit 1; an
 * order ends 0 ordered, 3 refused or 4 pending. Every screen speaks the language of {@code --locale}.
 */
final class OperationsCommands {

    private OperationsCommands() {}

    /** {@code status}: the partner status. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Shows the reseller's ESET partner status.")
    static final class Status extends ShopCommand {
        @Override
        int run(PrintWriter out) throws IOException {
            Screens.partnerStatus(out, options.texts(), options.open().shop().status());
            return EsetShopCli.OK;
        }
    }

    /** {@code sync}: fetches the licenses into the book. */
    @Command(name = "sync", mixinStandardHelpOptions = true, description = "Syncs the reseller's licenses from ESET.")
    static final class Sync extends ShopCommand {
        @Override
        int run(PrintWriter out) throws IOException {
            ScreenTexts texts = options.texts();
            SyncReport report = options.open().shop().sync(Screens.progressBar(out, texts));
            Screens.syncReport(out, texts, report);
            return EsetShopCli.OK;
        }
    }

    /** {@code licenses}: the renewable licenses by expiry, or with {@code --all} every license of the book. */
    @Command(
            name = "licenses",
            mixinStandardHelpOptions = true,
            description = "Lists the renewable licenses of the book, expiring first (--all: trials and expired too).")
    static final class Licenses extends ShopCommand {
        @Option(names = "--product", paramLabel = "CODE", description = "Only this product.")
        private String product;

        @Option(
                names = "--customer",
                paramLabel = "TEXT",
                description = "Only end customers whose organization, contact name or e-mail contains TEXT.")
        private String customer;

        @Option(
                names = "--all",
                description = "Every license of the book: trials and licenses expired beyond the renewal window too.")
        private boolean all;

        @Option(
                names = "--expiring-within",
                paramLabel = "DAYS",
                description = "Only licenses expiring within DAYS days.")
        private Integer days;

        @Option(names = "--limit", paramLabel = "N", description = "At most N licenses.")
        private Integer limit;

        @Override
        int run(PrintWriter out) throws IOException {
            if ((days != null && days < 0) || (limit != null && limit < 1)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--expiring-within must be ≥ 0 and --limit ≥ 1");
            }
            if (all) {
                ShopOptions.Shop opened = options.open();
                var query = LicenseQuery.builder().includeTrials(true);
                if (product != null) {
                    query.product(ProductCode.of(product));
                }
                if (customer != null) {
                    query.customerText(customer);
                }
                if (days != null) {
                    query.expiresOnOrBefore(opened.shop().today().plusDays(days));
                }
                if (limit != null) {
                    query.limit(limit);
                }
                Screens.licenseTable(out, options.texts(), opened.store().query(query.build()));
                return EsetShopCli.OK;
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
            Screens.licenseTable(out, options.texts(), options.open().shop().renewableLicenses(filter.build()));
            return EsetShopCli.OK;
        }
    }

    /** {@code license ID}: one license in full and what can be done with it today. */
    @Command(
            name = "license",
            mixinStandardHelpOptions = true,
            description = "Shows one license of the book in full, and what can be done with it today (and why not).")
    static final class LicenseDetail extends ShopCommand {
        @Parameters(paramLabel = "ID", description = "The public license ID, such as 3AB-7KQ-XD2.")
        private String id;

        @Override
        int run(PrintWriter out) throws IOException {
            LicenseId licenseId;
            try {
                licenseId = LicenseId.of(id);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a license ID: " + id);
            }
            ScreenTexts texts = options.texts();
            EsetShop shop = options.open().shop();
            License license = shop.license(licenseId)
                    .orElseThrow(
                            () -> new IllegalArgumentException(texts.text("license.notInBook", licenseId.value())));
            Screens.licenseDetail(out, texts, license, shop.availableActions(license));
            return EsetShopCli.OK;
        }
    }

    /** {@code orders}: the order history from the journal, newest first, page by page. */
    @Command(
            name = "orders",
            mixinStandardHelpOptions = true,
            description = "Lists the order history (every shop's orders in the journal), newest first, page by page.")
    static final class Orders extends ShopCommand {
        /** The journal states as the command line names them. */
        enum StateOption {
            pending(JournalEntry.State.PENDING),
            confirmed(JournalEntry.State.CONFIRMED),
            refused(JournalEntry.State.REJECTED);

            private final JournalEntry.State state;

            StateOption(JournalEntry.State state) {
                this.state = state;
            }
        }

        /** The operations as the command line names them ({@code new} is a Java keyword, hence the converter). */
        static final class OperationOption implements CommandLine.ITypeConverter<Operation> {
            @Override
            public Operation convert(String value) {
                return Operation.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            }
        }

        @Option(
                names = "--state",
                paramLabel = "STATE",
                description = "Only orders in this state: ${COMPLETION-CANDIDATES}.")
        private StateOption state;

        @Option(
                names = "--operation",
                paramLabel = "OPERATION",
                converter = OperationOption.class,
                description = "Only orders of this operation: new, renewal, product-change, trial, trial-conversion.")
        private Operation operation;

        @Option(
                names = "--limit",
                paramLabel = "N",
                defaultValue = "50",
                description = "Orders per page, 1 to 500 (default ${DEFAULT-VALUE}).")
        private int limit;

        @Option(
                names = "--page",
                paramLabel = "P",
                defaultValue = "1",
                description = "The page, from 1 (the newest orders; default ${DEFAULT-VALUE}).")
        private int page;

        @Override
        int run(PrintWriter out) throws IOException {
            if (limit < 1 || limit > OrderHistoryQuery.MAX_SIZE) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--limit must be 1 to " + OrderHistoryQuery.MAX_SIZE);
            }
            if (page < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--page must be at least 1");
            }
            OrderHistoryQuery.Builder query =
                    OrderHistoryQuery.builder().page(page - 1).size(limit);
            if (state != null) {
                query.state(state.state);
            }
            if (operation != null) {
                query.operation(operation);
            }
            OrderHistory history = options.open().shop().orders(query.build());
            Screens.history(out, options.texts(), history);
            return EsetShopCli.OK;
        }
    }

    /** {@code reconcile}: settles pending orders and delivers undelivered confirmations again, now. */
    @Command(
            name = "reconcile",
            mixinStandardHelpOptions = true,
            description =
                    "Settles pending orders and delivers undelivered confirmations again, now; prints what it did.")
    static final class Reconcile extends ShopCommand {
        @Override
        int run(PrintWriter out) throws IOException {
            JdbcOrderJournal journal = options.journal();
            List<JournalEntry> open = new ArrayList<>(journal.pending());
            open.addAll(journal.undelivered());
            // opening the shop reconciles (EsetShop.Builder.build); one more pass catches what it left claimed
            ShopOptions.Shop opened = options.open();
            opened.shop().reconcile();
            List<JournalEntry> after = new ArrayList<>();
            for (JournalEntry entry : open) {
                opened.journal().find(entry.key()).ifPresent(after::add);
            }
            Screens.reconciled(out, options.texts(), open, after);
            return after.stream().anyMatch(entry -> entry.state() == JournalEntry.State.PENDING)
                    ? EsetShopCli.PENDING
                    : EsetShopCli.OK;
        }
    }

    /**
     * {@code renew --expiring-within DAYS --years N [--dry-run] [--key KEY]}: quotes the renewal of every renewable
     * license expiring within DAYS days (its seats, N years) and, unless a dry run, orders them as one batch under a
     * key; the same command run again with the same key completes a batch that stopped half-way and orders nothing
     * twice.
     */
    @Command(
            name = "renew",
            mixinStandardHelpOptions = true,
            description = "Renews every license expiring within DAYS days for N years (same seats) as one batch;"
                    + " prints each license's quote and outcome, then the totals. Run it again with the same --key"
                    + " to complete a batch that stopped: no license is ordered twice.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:done: every license ordered (a dry run: quoted, whatever the quotes say)",
                EsetShopCli.EXIT_CODE_FAILURE,
                EsetShopCli.EXIT_CODE_USAGE,
                "3:a license could not be renewed (its reason is printed); the others were ordered",
                "4:an order is pending: run the same command with the same --key again, or reconcile"
            })
    static final class Renew extends ShopCommand {
        @Option(
                names = "--expiring-within",
                required = true,
                paramLabel = "DAYS",
                description = "Licenses expiring within DAYS days (and those expired within the renewal window).")
        private int days;

        @Option(
                names = "--years",
                required = true,
                paramLabel = "N",
                description = "Years each license is renewed by (1 to 3).")
        private int years;

        @Option(names = "--dry-run", description = "Quote only: order nothing.")
        private boolean dryRun;

        @Option(
                names = "--key",
                paramLabel = "KEY",
                description = "The batch's idempotency key (letters, digits, - _ . :); default"
                        + " renew-TODAY-DAYSd-Ny, so the same command on the same day is the same batch.")
        private String key;

        @Override
        int run(PrintWriter out) throws IOException {
            if (days < 0 || years < 1 || years > 3) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--expiring-within must be ≥ 0 and --years 1 to 3");
            }
            Optional<IdempotencyKey> batchKey = Optional.empty();
            if (key != null) {
                try {
                    batchKey = Optional.of(IdempotencyKey.of(key));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--key: " + e.getMessage());
                }
            }
            ScreenTexts texts = options.texts();
            EsetShop shop = options.open().shop();
            List<License> due = shop.renewableLicenses(
                    LicenseFilter.builder().expiringWithinDays(days).build());
            RenewalBatch batch;
            if (dryRun) {
                batch = shop.quoteRenewals(due, years);
            } else {
                IdempotencyKey used = batchKey.orElseGet(
                        () -> IdempotencyKey.of("renew-" + shop.today() + "-" + days + "d-" + years + "y"));
                batch = shop.renew(due, years, used);
            }
            Screens.renewalBatch(out, texts, batch);
            if (batch.pending() > 0) {
                return EsetShopCli.PENDING;
            }
            return batch.refused() > 0 && !dryRun ? EsetShopCli.REFUSED : EsetShopCli.OK;
        }
    }

    /**
     * {@code reminders [--within DAYS] [--send]}: the licenses due for a renewal reminder with their renewal prices,
     * and with {@code --send} the reminders not delivered before, delivered once (the reminder e-mail printed),
     * ending with {@code due N, delivered D, delivered before P}.
     */
    @Command(
            name = "reminders",
            mixinStandardHelpOptions = true,
            description = "Lists the licenses due for a renewal reminder with their renewal prices; --send delivers"
                    + " the reminders not delivered before (prints the reminder e-mail).")
    static final class Reminders extends ShopCommand {
        @Option(
                names = "--within",
                paramLabel = "DAYS",
                description = "Only licenses expiring within DAYS days (default: the largest reminder window).")
        private Integer within;

        @Option(names = "--send", description = "Deliver the due reminders that were not delivered before.")
        private boolean send;

        @Override
        int run(PrintWriter out) throws IOException {
            if (within != null && within < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--within must be ≥ 0");
            }
            ScreenTexts texts = options.texts();
            List<RenewalReminder> mailed = new ArrayList<>();
            ShopOptions.Shop opened = options.open(List.of(mailed::addAll));
            EsetShop shop = opened.shop();
            int days = within != null
                    ? within
                    : shop.reminderWindows().get(shop.reminderWindows().size() - 1);
            RemindersDue due = shop.dueReminders(days);
            Set<String> deliveredBefore = opened.reminders()
                    .delivered(due.reminders().stream()
                            .map(RenewalReminder::eventId)
                            .toList());
            Screens.remindersDue(out, texts, due, deliveredBefore);
            int delivered = 0;
            int before = deliveredBefore.size();
            if (send && !due.reminders().isEmpty()) {
                ReminderReport report = shop.deliverReminders(days);
                delivered = report.delivered();
                before = report.deliveredBefore();
                if (!mailed.isEmpty()) {
                    Screens.reminderEmail(out, texts, mailed);
                }
                if (report.failed() > 0 || report.heldElsewhere() > 0) {
                    out.println(texts.text(
                            "reminders.notDelivered",
                            String.valueOf(report.failed()),
                            String.valueOf(report.heldElsewhere())));
                }
            }
            out.println(texts.text(
                    "reminders.summary",
                    String.valueOf(due.reminders().size()),
                    String.valueOf(delivered),
                    String.valueOf(before)));
            return EsetShopCli.OK;
        }
    }

    /** {@code report}: the product report as CSV or XLSX. */
    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "Writes the product report as CSV or XLSX.")
    static final class Report extends ShopCommand {
        @Option(names = "--format", required = true, description = "csv or xlsx.")
        private LicenseReport.Format format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        private Path file;

        @Override
        int run(PrintWriter out) throws IOException {
            ShopOptions.Shop shop = options.open();
            try (OutputStream stream = Files.newOutputStream(file)) {
                LicenseReport.write(format, shop.store(), options.locale(), stream);
            }
            out.println(options.texts()
                    .text(
                            "report.written",
                            file.toString(),
                            String.valueOf(shop.store().count())));
            return EsetShopCli.OK;
        }
    }

    /**
     * {@code order --request FILE}: quotes and orders one request of the quote protocol, extended with
     * {@code customer} (NEW, TRIAL), {@code eula} ({@code version}, {@code acceptedBy}; NEW, TRIAL,
     * TRIAL_CONVERSION), {@code licenseId} (RENEWAL, PRODUCT_CHANGE, TRIAL_CONVERSION: the license from the book;
     * a conversion keeps the trial's end customer) and {@code reference}.
     */
    @Command(
            name = "order",
            mixinStandardHelpOptions = true,
            description = "Quotes and orders one request (quote protocol + customer, eula, licenseId, reference);"
                    + " prints the outcome and, when ordered, the confirmation e-mail.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:ordered",
                EsetShopCli.EXIT_CODE_FAILURE,
                EsetShopCli.EXIT_CODE_USAGE,
                EsetShopCli.EXIT_CODE_REFUSED,
                EsetShopCli.EXIT_CODE_PENDING
            })
    static final class Order extends ShopCommand {
        private static final ObjectMapper JSON = JsonMapper.builder().build();

        @Option(
                names = "--request",
                required = true,
                paramLabel = "FILE",
                description = "The order request (JSON object).")
        private Path request;

        @Override
        int run(PrintWriter out) throws IOException {
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
            ScreenTexts texts = options.texts();
            Optional<License> license = Optional.empty();
            if (object.hasNonNull("licenseId")) {
                LicenseId id = LicenseId.of(object.get("licenseId").asString());
                license = Optional.of(shop.license(id)
                        .orElseThrow(() -> new IllegalArgumentException(texts.text("license.notInBook", id.value()))));
                object.set("license", JSON.valueToTree(licenseObject(CurrentLicense.of(license.get()))));
            }
            // the shop prices with its own date and the partner's margin; the protocol wants both present
            object.put("today", shop.today().toString());
            if (!object.has("margin")) {
                object.put("margin", "0");
            }
            QuoteProtocol.Decoded decoded = QuoteProtocol.of(opened.catalog()).decode(JSON.writeValueAsString(object));
            if (decoded instanceof QuoteProtocol.Decoded.Invalid invalid) {
                Screens.refusals(out, texts, invalid.violations());
                return EsetShopCli.REFUSED;
            }
            QuoteResult quoted = shop.quote(((QuoteProtocol.Decoded.Request) decoded).request());
            if (quoted instanceof QuoteResult.Rejected rejected) {
                Screens.refusals(out, texts, rejected.violations());
                return EsetShopCli.REFUSED;
            }
            Quote quote = ((QuoteResult.Accepted) quoted).quote();
            var order = OrderDraft.builder().request(quote.request());
            license.ifPresent(order::license);
            customer(object).ifPresent(order::customer);
            eula(object).ifPresent(order::eula);
            if (object.hasNonNull("reference")) {
                order.reference(object.get("reference").asString());
            }
            OrderResult result = shop.order(order.build().withQuote(quote));
            Screens.orderOutcome(out, texts, quote, result);
            if (result instanceof OrderResult.Ordered) {
                return EsetShopCli.OK;
            }
            return result instanceof OrderResult.Refused ? EsetShopCli.REFUSED : EsetShopCli.PENDING;
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
