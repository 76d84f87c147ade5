package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.LicenseState;
import dev.esetshop.core.Operation;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.AvailableActions;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.order.JournalEntry;
import dev.esetshop.sdk.present.ShopPresentation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shop as a German or French reseller sees it: the browser's language picks the pages' language, the live quote
 * carries its amounts as the page shows them, and no page, e-mail or report in German or French shows an enum
 * constant, an ISO date or one of the shop's English labels.
 */
class PresentationSurfacesTest {

    private static final String GERMAN_BROWSER = "de-DE,de;q=0.9,en;q=0.5";
    private static final String FRENCH_BROWSER = "fr-CH,fr;q=0.9";
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern LICENSE_LINK = Pattern.compile("class=\"license-link\"[^>]*>([^<]+)<");

    private static RunningShop shop;

    @BeforeAll
    static void start() {
        // a database of its own: the other test classes' shops (same JVM, same in-memory H2 name) sync reseller-b
        shop = new RunningShop("--spring.datasource.url=jdbc:h2:mem:presentation-surfaces;DB_CLOSE_DELAY=-1");
        shop.context.getBean(EsetShops.class).shop(DemoResellers.RESELLER_A).sync();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void aGermanBrowserGetsGermanPagesAndTheLiveQuoteInEuros() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        String form = shop.get(client, "/order/new", GERMAN_BROWSER).body();
        assertThat(form).contains("lang=\"de\"", "Neue Lizenz", "Lizenzmenge");

        // 6 seats of Endpoint Antivirus for 1 year, reseller-a's margin is 25 %: the seeds' 150.60 and 112.95 EUR
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create(shop.base + "/api/quote"))
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", GERMAN_BROWSER)
                        .header("X-CSRF-TOKEN", RunningShop.csrf(form))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"operation\":\"NEW\",\"product\":\"EAVB\",\"seats\":6,\"years\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.body())
                .contains(
                        "\"streetPrice\":\"150,60\u00a0€\"",
                        "\"yourPrice\":\"112,95\u00a0€\"",
                        "\"operation\":\"Neue Lizenz\"",
                        "\"label\":\"Neue Lizenz\"")
                // the protocol's own fields stay as the protocol defines them, for other clients
                .contains("\"streetPrice\":\"150.60\"", "\"yourPrice\":\"112.95\"");

        // the explicit choice wins over the browser, for the rest of the session
        assertThat(shop.get(client, "/?lang=fr", GERMAN_BROWSER).body()).contains("lang=\"fr\"");
        assertThat(shop.get(client, "/licenses", GERMAN_BROWSER).body()).contains("lang=\"fr\"", "Licences");
        HttpClient english = RunningShop.client();
        shop.logIn(english, "reseller-a");
        assertThat(shop.get(english, "/", "it-IT,it;q=0.9").body()).contains("lang=\"en\"", "Partner status");
    }

    @ParameterizedTest
    @ValueSource(strings = {GERMAN_BROWSER, FRENCH_BROWSER})
    void noPageMailOrReportShowsAConstantAnIsoDateOrAnEnglishLabel(String browser) throws Exception {
        Locale language = Locale.forLanguageTag(browser.substring(0, 2));
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        shop.get(client, "/?lang=" + language.getLanguage(), browser);
        String token =
                RunningShop.csrf(shop.get(client, "/order/trial", browser).body());
        HttpResponse<String> trial = shop.postForm(
                client,
                "/order/trial",
                "_csrf=" + token
                        + "&product=EESB&seats=5&months=1&organization=Versuch+AG&firstName=Tea&lastName=Tester"
                        + "&email=tea%40versuch.example&eula=true");
        String outcome = trial.headers().firstValue("Location").orElseThrow().replace(shop.base, "");

        String licenses = shop.get(client, "/licenses?trials=true", browser).body();
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/licenses",
                "/licenses?trials=true&sort=customer",
                "/licenses?customer=nobody-at-all",
                "/orders",
                "/reports",
                "/order/new",
                "/order/trial",
                outcome,
                "/no-such-page"));
        Matcher ids = LICENSE_LINK.matcher(licenses);
        for (int i = 0; i < 8 && ids.find(); i++) {
            pages.add("/licenses/" + ids.group(1));
            if (i == 0) {
                pages.add("/licenses/" + ids.group(1) + "/renew");
            }
        }
        Set<String> english = englishLabels(language);
        for (String page : pages) {
            String text = visibleText(
                    withoutTheSentMail(shop.get(client, page, browser).body()));
            assertNothingForeign(page, text, english);
        }
        String csv = new String(
                client.send(
                                HttpRequest.newBuilder(URI.create(shop.base + "/report.csv?trials=true"))
                                        .header("Accept-Language", browser)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isGreaterThan(1);
        assertNothingForeign("report.csv", csv, english);
    }

    @Test
    void anUnsyncedResellerIsToldToSyncAndTheErrorsHaveTheMenu() throws Exception {
        HttpClient b = RunningShop.client();
        shop.logIn(b, "reseller-b");
        String status = shop.get(b, "/", GERMAN_BROWSER).body();
        assertThat(status)
                .contains(
                        "id=\"needs-sync\"",
                        "noch nie mit ESET abgeglichen",
                        "id=\"sync\"",
                        "Alpen Security AG",
                        "office@alpensec.example",
                        "Silber",
                        "18\u00a0%");
        assertThat(shop.get(b, "/licenses", GERMAN_BROWSER).body())
                .contains("id=\"empty\"", "noch nie mit ESET abgeglichen");
        HttpResponse<String> missing = shop.get(b, "/licenses/not-an-id", GERMAN_BROWSER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body())
                .contains("id=\"not-found\"", "Nicht gefunden", "href=\"/licenses\"", "Alpen Security AG");
        HttpResponse<String> forbidden = b.send(
                HttpRequest.newBuilder(URI.create(shop.base + "/sync"))
                        .header("Accept", "text/html")
                        .header("Accept-Language", FRENCH_BROWSER)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Non autorisé", "href=\"/licenses\"");
    }

    @Test
    void reportsNameTheMonthsDrawNoBarForAZeroAndTheExportsFollowTheList() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        String reports = shop.get(client, "/reports", GERMAN_BROWSER).body();
        java.time.YearMonth first = java.time.YearMonth.from(shop.context
                .getBean(EsetShops.class)
                .shop(DemoResellers.RESELLER_A)
                .today());
        ShopPresentation german = ShopPresentation.of(Locale.GERMAN, ZoneOffset.UTC);
        String renewals = reports.substring(
                reports.indexOf("id=\"renewals-due\""),
                reports.indexOf("</table>", reports.indexOf("id=\"renewals-due\"")));
        assertThat(renewals)
                .contains(german.month(first), german.month(first.plusMonths(11)))
                .doesNotContainPattern("\\d{4}-\\d{2}");
        Matcher rows = Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(renewals);
        int zeros = 0;
        while (rows.find()) {
            if (rows.group(1).contains("class=\"zero\"")) {
                zeros++;
                assertThat(rows.group(1))
                        .as("a zero draws no bar")
                        .doesNotContain("class=\"bar\"")
                        .contains(">0<");
            } else {
                assertThat(rows.group(1)).contains("class=\"bar\"").doesNotContain(">0<");
            }
        }
        assertThat(zeros).as("the demo book has a month without renewals").isPositive();
        // the demo book has no programme: its row says so, with the renewal value of its licenses
        assertThat(reports).contains("id=\"discounts\"", "<td>keines</td>").containsPattern("\\d,\\d{2}\u00a0€");

        // the export holds the rows of the list, filtered and sorted as the list is
        String query = "?trials=true&sort=customer&expiring=120";
        List<String> listed = new ArrayList<>();
        Matcher ids = LICENSE_LINK.matcher(
                shop.get(client, "/licenses" + query, GERMAN_BROWSER).body());
        while (ids.find()) {
            listed.add(ids.group(1));
        }
        String csv = new String(
                client.send(
                                HttpRequest.newBuilder(URI.create(shop.base + "/report.csv" + query))
                                        .header("Accept-Language", GERMAN_BROWSER)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body(),
                StandardCharsets.UTF_8);
        List<String> exported = csv.lines()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(';')))
                .map(id -> id.replace("\uFEFF", "").replace("\"", ""))
                .toList();
        dev.esetshop.sdk.EsetShop resellerA =
                shop.context.getBean(EsetShops.class).shop(DemoResellers.RESELLER_A);
        List<dev.esetshop.core.License> book = resellerA.renewableLicenses(
                dev.esetshop.sdk.LicenseFilter.builder().includeTrials(true).build());
        List<String> expected = book.stream()
                .filter(license -> !license.expires().isAfter(resellerA.today().plusDays(120)))
                .sorted(java.util.Comparator.comparing((dev.esetshop.core.License license) ->
                                license.customer().organization().toLowerCase(Locale.ROOT))
                        .thenComparing(dev.esetshop.core.License::expires)
                        .thenComparing(license -> license.id().value()))
                .map(license -> license.id().value())
                .toList();
        assertThat(expected)
                .as("the filter keeps some licenses and leaves others out")
                .isNotEmpty()
                .hasSizeLessThan(book.size());
        assertThat(exported).containsExactlyElementsOf(expected);
        assertThat(expected).startsWith(listed.toArray(String[]::new));
    }

    /** Fails on an enum constant, an ISO date or an English label in a German or French text. */
    /**
     * The page without the mail it quotes as sent: a mail goes out in the reseller's language (reseller-a writes
     * English), whatever language the page is read in.
     */
    private static String withoutTheSentMail(String html) {
        return html.replaceAll("(?s)<strong id=\"email-subject\">.*?</strong>", "")
                .replaceAll("(?s)<pre class=\"email\" id=\"email-text\">.*?</pre>", "");
    }

    private static void assertNothingForeign(String where, String text, Set<String> english) {
        assertThat(ISO_DATE.matcher(text).find())
                .as("%s shows an ISO date: %s", where, text)
                .isFalse();
        for (String constant : constants()) {
            assertThat(text)
                    .as("%s shows the constant %s", where, constant)
                    .doesNotContainPattern("(?<![\\w-])" + constant + "(?![\\w-])");
        }
        for (String label : english) {
            assertThat(text)
                    .as("%s shows the English label '%s'", where, label)
                    .doesNotContainPattern("(?<!\\w)" + Pattern.quote(label) + "(?!\\w)");
        }
    }

    /** The constant names of every value a person sees labelled. */
    private static Set<String> constants() {
        Set<String> names = new LinkedHashSet<>();
        Stream.of(LicenseState.Known.values()).forEach(value -> names.add(value.name()));
        Stream.of(PartnerLevel.Known.values()).forEach(value -> names.add(value.name()));
        Stream.of(Operation.values()).forEach(value -> names.add(value.name()));
        Stream.of(JournalEntry.State.values()).forEach(value -> names.add(value.name()));
        Stream.of(AvailableActions.Action.values()).forEach(value -> names.add(value.name()));
        Stream.of(ViolationCode.values()).forEach(value -> names.add(value.name()));
        return names;
    }

    /**
     * The shop's English labels that the language words differently: the SDK's labels and the catalog's programme
     * names, and the pages' own English words for values.
     */
    private static Set<String> englishLabels(Locale language) {
        ShopPresentation english = ShopPresentation.of(Locale.ENGLISH, ZoneOffset.UTC, Catalog.sample());
        ShopPresentation other = ShopPresentation.of(language, ZoneOffset.UTC, Catalog.sample());
        Set<String> labels = new LinkedHashSet<>();
        english.labels().forEach((key, label) -> {
            if (!label.equals(other.labels().get(key)) && !label.contains("{") && label.length() > 3) {
                labels.add(label);
            }
        });
        Catalog.sample().discounts().forEach(programme -> {
            if (!english.name(programme).equals(other.name(programme))) {
                labels.add(english.name(programme));
            }
        });
        labels.addAll(List.of(
                "Seats",
                "Your price",
                "Street price",
                "Expires",
                "Licenses",
                "Customer",
                "Used seats",
                "Last sync",
                "Renewals due",
                "seats",
                "licenses"));
        return labels;
    }

    /** The text a person reads: no scripts, no tags (so no attribute values), entities decoded. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&nbsp;", "\u00a0");
    }
}
