package dev.esetshop.examples.web;

import dev.esetshop.core.License;
import dev.esetshop.core.Money;
import dev.esetshop.pricing.Quote;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.present.ShopPresentation;
import dev.esetshop.sdk.report.LicenseReport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The product report (seats by product, renewals due per month) as the original shop previews it, the discounts
 * report (licenses, seats and the one-year renewal value by programme), and the product report's downloads in CSV and
 * XLSX, which hold the rows of the license list with its filters and sort ({@link LicenseList}). Every value is shown
 * by the SDK's presentation: month names, grouped counts, amounts with their currency.
 */
@Controller
class ReportPages {

    /** How many months ahead the renewals chart looks. */
    static final int MONTHS_AHEAD = 12;

    /** One bar of a chart: its label, its value as shown, its length in percent of the longest (0: no bar). */
    record Bar(String label, String value, long percent) {}

    /**
     * One row of the discounts report: the programme's name, its licenses and seats, and what renewing them all for
     * a year costs the reseller and lists at, by today's catalog and margin (empty when no renewal could be quoted).
     */
    record Programme(String programme, String licenses, String seats, String yourPrice, String streetPrice) {}

    private final Resellers resellers;

    ReportPages(Resellers resellers) {
        this.resellers = resellers;
    }

    @GetMapping("/reports")
    String reports(Principal user, Model model, @ModelAttribute("present") ShopPresentation present) {
        EsetShop shop = resellers.shop(user);
        List<License> licenses = book(shop);
        Map<String, Long> seats = new TreeMap<>();
        Map<String, List<License>> programmes = new TreeMap<>();
        Map<YearMonth, Long> due = new LinkedHashMap<>();
        YearMonth first = YearMonth.from(shop.today());
        for (int month = 0; month < MONTHS_AHEAD; month++) {
            due.put(first.plusMonths(month), 0L);
        }
        for (License license : licenses) {
            seats.merge(present.product(license), (long) license.seats().count(), Long::sum);
            programmes
                    .computeIfAbsent(license.discount().orElse(""), code -> new ArrayList<>())
                    .add(license);
            due.computeIfPresent(YearMonth.from(license.expires()), (month, count) -> count + 1);
        }
        Map<String, Long> dueByName = new LinkedHashMap<>();
        due.forEach((month, count) -> dueByName.put(present.month(month), count));
        model.addAttribute("seatsByProduct", bars(seats, present));
        model.addAttribute("renewalsDue", bars(dueByName, present));
        model.addAttribute(
                "programmes",
                programmes.entrySet().stream()
                        .map(entry -> programme(shop, entry.getKey(), entry.getValue(), present))
                        .toList());
        model.addAttribute("licenses", present.licenses(licenses.size()));
        return "reports";
    }

    /** A programme's row: its licenses, seats and the one-year renewal price of the licenses that can be renewed. */
    private static Programme programme(EsetShop shop, String code, List<License> licenses, ShopPresentation present) {
        long seats =
                licenses.stream().mapToLong(license -> license.seats().count()).sum();
        List<Quote> quotes = shop.quoteRenewals(licenses, 1).renewals().stream()
                .flatMap(renewal -> renewal.accepted().stream())
                .toList();
        String yours = "-";
        String street = "-";
        if (!quotes.isEmpty()
                && quotes.stream()
                        .allMatch(quote -> quote.currency().equals(quotes.get(0).currency()))) {
            Money yourSum = Money.zero(quotes.get(0).currency());
            Money streetSum = yourSum;
            for (Quote quote : quotes) {
                yourSum = yourSum.plus(quote.yourPrice());
                streetSum = streetSum.plus(quote.streetPrice());
            }
            yours = present.money(yourSum);
            street = present.money(streetSum);
        }
        // the licenses of a row share their programme, or its lack
        String name = present.discount(licenses.get(0));
        return new Programme(name, present.count(licenses.size()), present.count(seats), yours, street);
    }

    @GetMapping("/report.csv")
    void csv(Principal user, @ModelAttribute("list") LicenseList list, Locale locale, HttpServletResponse response)
            throws IOException {
        download(user, list, LicenseReport.Format.CSV, locale, response);
    }

    @GetMapping("/report.xlsx")
    void xlsx(Principal user, @ModelAttribute("list") LicenseList list, Locale locale, HttpServletResponse response)
            throws IOException {
        download(user, list, LicenseReport.Format.XLSX, locale, response);
    }

    /** The license list's rows (its filters, its sort; every page) as a download in the page's language. */
    private void download(
            Principal user, LicenseList list, LicenseReport.Format format, Locale locale, HttpServletResponse response)
            throws IOException {
        EsetShop shop = resellers.shop(user);
        List<License> rows = list.licenses(shop);
        response.setContentType(format.contentType());
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"licenses-" + shop.today() + "." + format.extension() + "\"");
        LicenseReport.write(format, rows, WebConfig.language(locale), response.getOutputStream());
    }

    /** The reseller's book as the shop lists it: every license still in the renewal window, trials included. */
    private static List<License> book(EsetShop shop) {
        return shop.renewableLicenses(
                LicenseFilter.builder().includeTrials(true).build());
    }

    private static List<Bar> bars(Map<String, Long> values, ShopPresentation present) {
        long max = Math.max(
                1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        return values.entrySet().stream()
                .map(entry -> new Bar(entry.getKey(), present.count(entry.getValue()), entry.getValue() * 100 / max))
                .toList();
    }
}
