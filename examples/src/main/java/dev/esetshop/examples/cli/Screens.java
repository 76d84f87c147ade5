package dev.esetshop.examples.cli;

import dev.esetshop.core.License;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.sdk.SyncProgress;
import dev.esetshop.sdk.SyncReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** How the command line shows the shop's answers: one layout per kind of answer, shared by every command. */
final class Screens {

    private static final String LICENSE_ROW = "%-13s %-7s %6s  %-10s  %-9s  %s%n";

    private Screens() {}

    /** The partner status (F1) as label/value lines. */
    static void partnerStatus(PrintWriter out, PartnerStatus status) {
        out.printf("ESET partner id        %s%n", status.partnerId());
        out.printf("company                %s <%s>%n", status.companyName(), status.email());
        out.printf("partner level          %s%n", status.level());
        out.printf("margin                 %s %%%n", status.margin().movePointRight(2).stripTrailingZeros().toPlainString());
        out.printf("marketplace customer   %s%n", status.marketplaceCustomerNumber().orElse("-"));
        out.printf("last sync              %s%n", status.lastSync().map(Instant::toString).orElse("never"));
    }

    /** Licenses as a table, one line each (F3). */
    static void licenseTable(PrintWriter out, List<License> licenses) {
        out.printf(LICENSE_ROW, "license", "product", "seats", "expires", "state", "end customer");
        for (License license : licenses) {
            out.printf(LICENSE_ROW, license.id(), license.productCode(), license.seats().count(), license.expires(),
                    license.state(), license.customer().organization() + " (" + license.customer().email() + ")");
        }
    }

    /** A progress bar redrawn in place after every page of a sync. */
    static SyncProgress progressBar(PrintWriter out) {
        return (done, total) -> {
            int width = 40;
            int filled = total <= 0 ? width : (int) Math.min(width, (long) done * width / total);
            out.printf("\r[%s%s] %d/%d licenses", "#".repeat(filled), ".".repeat(width - filled), done, total);
            out.flush();
        };
    }

    /** A sync's counts and its quarantined records (F2). */
    static void syncReport(PrintWriter out, SyncReport report) {
        out.println();
        out.printf("%d added, %d changed, %d unchanged, %d quarantined, %d pages in %d ms%n", report.added(),
                report.changed(), report.unchanged(), report.quarantined().size(), report.pages(),
                report.duration().toMillis());
        report.quarantined().forEach(q ->
                out.printf("quarantined %s: %s%n", q.publicLicenseId().orElse("(no id)"), q.reason()));
    }
}
