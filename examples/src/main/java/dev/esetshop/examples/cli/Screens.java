package dev.esetshop.examples.cli;

import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.Operation;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.Violation;
import dev.esetshop.pricing.Quote;
import dev.esetshop.sdk.AvailableActions;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.RenewalBatch;
import dev.esetshop.sdk.SyncProgress;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.sdk.confirm.ConfirmationEmail;
import dev.esetshop.sdk.confirm.RenderedEmail;
import dev.esetshop.sdk.confirm.RenewalReminderEmail;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.order.OrderHistory;
import dev.esetshop.sdk.order.OrderRecord;
import dev.esetshop.sdk.remind.RemindersDue;
import dev.esetshop.sdk.remind.RenewalReminder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the command line shows the shop's answers, in the reseller's language: one layout per kind of answer, shared
 * by every command and the demo.
 */
final class Screens {

    // a batch's outcome lines sit under their license's line (a properties file would strip leading blanks)
    private static final String OUTCOME_INDENT = "  ";

    private Screens() {}

    /** The partner status as label/value lines. */
    static void partnerStatus(PrintWriter out, ScreenTexts t, PartnerStatus status) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(t.text("status.partnerId"), status.partnerId());
        lines.put(t.text("status.company"), status.companyName() + " <" + status.email() + ">");
        lines.put(t.text("status.level"), t.present().partnerLevel(status.level()));
        lines.put(t.text("status.margin"), t.present().percent(status.margin()));
        lines.put(
                t.text("status.customerNumber"),
                status.marketplaceCustomerNumber().orElse("-"));
        lines.put(
                t.text("status.lastSync"),
                status.lastSync().map(t.present()::dateTime).orElse(t.text("status.never")));
        labelled(out, lines);
    }

    /** Licenses as a table, one line each. */
    static void licenseTable(PrintWriter out, ScreenTexts t, List<License> licenses) {
        if (licenses.isEmpty()) {
            out.println(t.text("table.none"));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                t.text("table.license"),
                t.text("table.product"),
                t.text("table.seats"),
                t.text("table.expires"),
                t.text("table.state"),
                t.text("table.customer")));
        for (License license : licenses) {
            rows.add(List.of(
                    license.id().value(),
                    license.productCode().value(),
                    t.present().count(license.seats().count()),
                    t.present().date(license.expires()),
                    state(t, license),
                    license.customer().organization() + " ("
                            + license.customer().email() + ")"));
        }
        table(out, rows);
    }

    /** A progress bar redrawn in place after every page of a sync. */
    static SyncProgress progressBar(PrintWriter out, ScreenTexts t) {
        return (done, total) -> {
            int width = 40;
            int filled = total <= 0 ? width : (int) Math.min(width, (long) done * width / total);
            out.printf(
                    "\r[%s%s] %s",
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    t.text("sync.progress", String.valueOf(done), String.valueOf(total)));
            out.flush();
        };
    }

    /** A sync's counts and its quarantined records. */
    static void syncReport(PrintWriter out, ScreenTexts t, SyncReport report) {
        out.println();
        out.println(t.text(
                "sync.summary",
                String.valueOf(report.added()),
                String.valueOf(report.changed()),
                String.valueOf(report.unchanged()),
                String.valueOf(report.quarantined().size()),
                String.valueOf(report.pages()),
                String.valueOf(report.duration().toMillis())));
        report.quarantined()
                .forEach(q -> out.println(
                        t.text("sync.quarantined", q.publicLicenseId().orElse(t.text("sync.noId")), q.reason())));
    }

    /** One license in full, then what can be done with it today and, when not, why. */
    static void licenseDetail(PrintWriter out, ScreenTexts t, License license, AvailableActions actions) {
        out.println(t.text("license.title", license.id().value()));
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(t.text("license.product"), license.productCode() + " (" + license.productName() + ")");
        lines.put(
                t.text("license.customer"),
                license.customer().organization()
                        + license.customer()
                                .country()
                                .map(country -> ", " + country)
                                .orElse(""));
        lines.put(
                t.text("license.contact"),
                license.customer().firstName() + " " + license.customer().lastName() + " <"
                        + license.customer().email() + ">");
        lines.put(
                t.text("license.seats"),
                t.present().count(license.usedSeats()) + " / "
                        + t.present().count(license.seats().count()));
        lines.put(t.text("license.vatId"), license.customer().vatId().orElse("-"));
        lines.put(t.text("license.discount"), t.present().discount(license));
        lines.put(t.text("license.issued"), t.present().date(license.issued()));
        lines.put(t.text("license.expires"), t.present().date(license.expires()));
        lines.put(t.text("license.orderNumber"), license.orderNumber().orElse("-"));
        lines.put(t.text("license.state"), state(t, license));
        labelled(out, lines);
        out.println();
        out.println(t.text("heading.actions"));
        Map<String, String> possible = new LinkedHashMap<>();
        for (AvailableActions.Option option : actions.all()) {
            String verdict;
            if (!option.applies()) {
                verdict = t.text(
                        "action.notPossible",
                        option.violations().stream().map(t.present()::violation).collect(Collectors.joining(" ")));
            } else if (!option.targets().isEmpty()) {
                verdict = t.text(
                        "action.possibleTo",
                        option.targets().stream().map(Object::toString).collect(Collectors.joining(", ")));
            } else {
                verdict = t.text("action.possible");
            }
            possible.put(t.present().action(option.action()), verdict);
        }
        labelled(out, possible);
    }

    /** How an order ended; an ordered one with the text of its confirmation e-mail. */
    static void orderOutcome(PrintWriter out, ScreenTexts t, Quote quote, OrderResult result) {
        if (result instanceof OrderResult.Ordered ordered) {
            out.println(t.text(
                    "order.ordered",
                    ordered.license().id().value(),
                    ordered.orderNumber(),
                    t.present().date(ordered.license().expires()),
                    t.present().money(quote.yourPrice())));
            RenderedEmail email = ConfirmationEmail.render(ordered.event(), t.locale());
            out.println();
            out.println("== " + t.text("order.email") + " ==");
            out.println(t.text("order.subject", email.subject()));
            out.println();
            out.println(email.text().strip());
        } else if (result instanceof OrderResult.Refused refused) {
            refusals(out, t, refused.violations());
            refused.detail().ifPresent(detail -> out.println(said(t, refused, detail)));
        } else if (result instanceof OrderResult.Pending pending) {
            out.println(t.text(
                    "order.pending", pending.reason(), pending.idempotencyKey().value()));
        }
    }

    /** A refusal's detail, labelled with who refused: ESET's words or the shop's. */
    static String said(ScreenTexts t, OrderResult.Refused refused, String detail) {
        return t.text(refused.refusedBy() == OrderResult.RefusedBy.ESET ? "order.esetSaid" : "order.shopSaid", detail);
    }

    /**
     * A batch of renewals: each license with its quote and, when ordered, its outcome; the batch key to run it again
     * with; then the line {@code licenses N, ordered O, refused R, pending P, total AMOUNT CURRENCY}.
     */
    static void renewalBatch(PrintWriter out, ScreenTexts t, RenewalBatch batch) {
        if (batch.renewals().isEmpty()) {
            out.println(t.text("table.none"));
        }
        for (RenewalBatch.Renewal renewal : batch.renewals()) {
            License license = renewal.license();
            String head = t.text(
                    "renew.license",
                    license.id().value(),
                    license.productCode().toString(),
                    t.present().seats(license.seats().count()),
                    t.present().date(license.expires()));
            if (renewal.accepted().isEmpty()) {
                out.println(head + " " + t.text("renew.notRenewable"));
                renewal.violations()
                        .forEach(violation -> out.println(OUTCOME_INDENT
                                + t.text("order.refused", t.present().violation(violation))));
                continue;
            }
            Quote quote = renewal.accepted().get();
            out.println(head + " "
                    + t.text(
                            "renew.quote",
                            t.present().money(quote.yourPrice()),
                            t.present().date(quote.expires())));
            renewal.order().ifPresent(result -> {
                if (result instanceof OrderResult.Ordered ordered) {
                    out.println(OUTCOME_INDENT
                            + t.text(
                                    "renew.ordered",
                                    ordered.orderNumber(),
                                    t.present().date(ordered.license().expires())));
                } else if (result instanceof OrderResult.Refused refused) {
                    refused.violations()
                            .forEach(violation -> out.println(OUTCOME_INDENT
                                    + t.text("order.refused", t.present().violation(violation))));
                    refused.detail().ifPresent(detail -> out.println(OUTCOME_INDENT + said(t, refused, detail)));
                } else if (result instanceof OrderResult.Pending pending) {
                    out.println(OUTCOME_INDENT
                            + t.text(
                                    "renew.pending",
                                    pending.reason(),
                                    pending.idempotencyKey().value()));
                }
            });
        }
        batch.batchKey().ifPresent(key -> out.println(t.text("renew.key", key.value())));
        out.println(t.text(
                "renew.summary",
                String.valueOf(batch.renewals().size()),
                String.valueOf(batch.ordered()),
                String.valueOf(batch.refused()),
                String.valueOf(batch.pending()),
                batch.total().toPlainString(),
                batch.total().currency().getCurrencyCode()));
    }

    /**
     * The licenses due for a renewal reminder as a table (expiry, window, renewal price, whether delivered before),
     * then each due license whose renewal could not be quoted, with why.
     */
    static void remindersDue(PrintWriter out, ScreenTexts t, RemindersDue due, Set<String> deliveredBefore) {
        if (due.reminders().isEmpty()) {
            out.println(t.text("reminders.none"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(
                    t.text("table.license"),
                    t.text("table.product"),
                    t.text("table.seats"),
                    t.text("table.expires"),
                    t.text("reminders.window"),
                    t.text("reminders.price"),
                    t.text("reminders.delivered"),
                    t.text("table.customer")));
            for (RenewalReminder reminder : due.reminders()) {
                rows.add(List.of(
                        reminder.licenseId().value(),
                        reminder.product().value(),
                        t.present().count(reminder.seats()),
                        t.present().date(reminder.expires()),
                        t.text("reminders.days", String.valueOf(reminder.window())),
                        t.present().money(reminder.quote().yourPrice()),
                        t.text(deliveredBefore.contains(reminder.eventId()) ? "reminders.yes" : "reminders.no"),
                        reminder.customer().organization()));
            }
            table(out, rows);
        }
        for (RemindersDue.NotQuoted notQuoted : due.notQuoted()) {
            out.println(t.text(
                    "reminders.notQuoted",
                    notQuoted.licenseId().value(),
                    notQuoted.violations().stream().map(t.present()::violation).collect(Collectors.joining("; "))));
        }
    }

    /** The reminder e-mail of the reminders a round delivered. */
    static void reminderEmail(PrintWriter out, ScreenTexts t, List<RenewalReminder> reminders) {
        RenderedEmail email = RenewalReminderEmail.render(reminders, t.locale());
        out.println();
        out.println("== " + t.text("reminders.email") + " ==");
        out.println(t.text("order.subject", email.subject()));
        out.println();
        out.println(email.text().strip());
        out.println();
    }

    /** Each violation on its own line, in the reseller's language. */
    static void refusals(PrintWriter out, ScreenTexts t, List<Violation> violations) {
        violations.forEach(
                violation -> out.println(t.text("order.refused", t.present().violation(violation))));
    }

    /**
     * A page of the order history as a table: local date and time, operation, product, seats, price at the margin,
     * end customer, reference, ESET order number, outcome, EULA acceptance; the command for the next page under it.
     */
    static void history(PrintWriter out, ScreenTexts t, OrderHistory history) {
        if (history.orders().isEmpty()) {
            out.println(t.text(history.query().page() == 0 ? "orders.none" : "orders.pageEmpty"));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                t.text("orders.placed"),
                t.text("orders.operation"),
                t.text("table.product"),
                t.text("table.seats"),
                t.text("orders.yourPrice"),
                t.text("table.customer"),
                t.text("orders.reference"),
                t.text("orders.orderNumber"),
                t.text("orders.state"),
                t.text("orders.eula")));
        for (OrderRecord order : history.orders()) {
            // the history's local time is the shop's zone, which is the presentation's
            rows.add(List.of(
                    t.present()
                            .dateTime(
                                    order.placedAt().atZone(t.present().zone()).toInstant()),
                    operation(t, order.operation()),
                    order.productName(t.locale()),
                    t.present().count(order.seats()),
                    t.present().money(order.yourPrice()),
                    order.customer().organization(),
                    order.reference().orElse("-"),
                    order.orderNumber().orElse("-"),
                    t.present().orderState(order.state())
                            + order.rejection().map(reason -> ": " + reason).orElse(""),
                    order.eula().map(EulaAcceptance::acceptedBy).orElse("-")));
        }
        table(out, rows);
        if (history.hasNext()) {
            out.println(t.text("orders.more", String.valueOf(history.query().page() + 2)));
        }
    }

    /** What a reconcile did to the entries that were open before it ran. */
    static void reconciled(PrintWriter out, ScreenTexts t, List<JournalEntry> before, List<JournalEntry> after) {
        Map<String, JournalEntry> now = new LinkedHashMap<>();
        after.forEach(entry -> now.put(entry.key().value(), entry));
        int confirmed = 0;
        int refused = 0;
        int stillPending = 0;
        int redelivered = 0;
        List<String> lines = new ArrayList<>();
        for (JournalEntry was : before) {
            JournalEntry is = now.getOrDefault(was.key().value(), was);
            String key = was.key().value();
            if (was.state() == JournalEntry.State.PENDING) {
                String outcome = t.present().orderState(is.state())
                        + is.orderNumber().map(number -> ", " + number).orElse("")
                        + is.licenseId().map(id -> ", " + id).orElse("");
                lines.add(t.text("reconcile.settled", key, operation(t, was.operation()), outcome));
                switch (is.state()) {
                    case CONFIRMED -> confirmed++;
                    case REJECTED -> refused++;
                    default -> stillPending++;
                }
            } else if (is.deliveredAt().isPresent()) {
                lines.add(t.text("reconcile.redelivered", key));
                redelivered++;
            } else {
                lines.add(t.text("reconcile.undelivered", key));
            }
        }
        if (lines.isEmpty()) {
            out.println(t.text("reconcile.nothing"));
            return;
        }
        lines.forEach(out::println);
        out.println(t.text(
                "reconcile.summary",
                String.valueOf(confirmed + refused),
                String.valueOf(confirmed),
                String.valueOf(refused),
                String.valueOf(stillPending),
                String.valueOf(redelivered)));
    }

    private static String operation(ScreenTexts t, Operation operation) {
        return t.present().operation(operation);
    }

    private static String state(ScreenTexts t, License license) {
        String state = t.present().state(license.state());
        return license.trial() ? state + " (" + t.text("state.trial") + ")" : state;
    }

    /** Rows under a heading row, each column as wide as its widest cell (headings differ in length by language). */
    private static void table(PrintWriter out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Label/value lines, the values aligned after the longest label. */
    static void labelled(PrintWriter out, Map<String, String> lines) {
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0) + 3;
        lines.forEach((label, value) -> out.printf("%-" + width + "s%s%n", label, value));
    }
}
