package dev.esetshop.examples.web;

import dev.esetshop.core.License;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.memory.InMemoryLicenseStore;
import dev.esetshop.sdk.report.LicenseReport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The product report (seats by product, renewals due per month) as the original shop previews it, the discounts
 * report (licenses and seats by programme), and the product report's downloads in CSV and XLSX.
 */
@Controller
class ReportPages {

    /** How many months ahead the renewals chart looks. */
    static final int MONTHS_AHEAD = 12;

    /** One bar of a chart: its label, its value and its length in percent of the longest. */
    record Bar(String label, long value, long percent) {}

    /** One row of the discounts report. */
    record Programme(String programme, long licenses, long seats) {}

    private final Resellers resellers;

    ReportPages(Resellers resellers) {
        this.resellers = resellers;
    }

    @GetMapping("/reports")
    String reports(Principal user, Model model) {
        EsetShop shop = resellers.shop(user);
        List<License> licenses = book(shop);
        Map<String, Long> seats = new TreeMap<>();
        Map<String, long[]> programmes = new TreeMap<>();
        Map<String, Long> due = new LinkedHashMap<>();
        YearMonth first = YearMonth.from(shop.today());
        for (int month = 0; month < MONTHS_AHEAD; month++) {
            due.put(first.plusMonths(month).toString(), 0L);
        }
        for (License license : licenses) {
            seats.merge(license.productCode().value(), (long) license.seats().count(), Long::sum);
            long[] programme = programmes.computeIfAbsent(license.discount().orElse("-"), p -> new long[2]);
            programme[0]++;
            programme[1] += license.seats().count();
            due.computeIfPresent(YearMonth.from(license.expires()).toString(), (month, count) -> count + 1);
        }
        model.addAttribute("seatsByProduct", bars(seats));
        model.addAttribute("renewalsDue", bars(due));
        model.addAttribute("programmes", programmes.entrySet().stream()
                .map(entry -> new Programme(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList());
        model.addAttribute("licenses", licenses.size());
        return "reports";
    }

    @GetMapping("/report.csv")
    void csv(Principal user, Locale locale, HttpServletResponse response) throws IOException {
        download(user, LicenseReport.Format.CSV, locale, response);
    }

    @GetMapping("/report.xlsx")
    void xlsx(Principal user, Locale locale, HttpServletResponse response) throws IOException {
        download(user, LicenseReport.Format.XLSX, locale, response);
    }

    private void download(Principal user, LicenseReport.Format format, Locale locale, HttpServletResponse response)
            throws IOException {
        EsetShop shop = resellers.shop(user);
        InMemoryLicenseStore snapshot = new InMemoryLicenseStore();
        snapshot.storePage(book(shop), SyncCursor.builder().nextSkip(0).inProgress(false).build());
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"licenses-" + shop.today() + "."
                + format.extension() + "\"");
        LicenseReport.write(format, snapshot, locale, response.getOutputStream());
    }

    /** The reseller's book as the shop lists it: every license still in the renewal window, trials included. */
    private static List<License> book(EsetShop shop) {
        return shop.renewableLicenses(LicenseFilter.builder().includeTrials(true).build());
    }

    private static List<Bar> bars(Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        return values.entrySet().stream()
                .map(entry -> new Bar(entry.getKey(), entry.getValue(), entry.getValue() * 100 / max)).toList();
    }
}
