package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.testkit.EsetSandbox;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop over plain HTTP: log-in, CSRF, the quote protocol endpoint, isolation of resellers, Actuator. Each test
 * brings what it needs (its own log-in, sync and orders), so none depends on another having run.
 */
class WebShopHttpTest {

    private static final PrintStream CONSOLE = System.out;
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();

    private static RunningShop shop;

    @BeforeAll
    static void start() {
        // everything the shop prints and logs is kept, to look for secrets in it
        System.setOut(new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        CONSOLE.write(b);
                        synchronized (OUTPUT) {
                            OUTPUT.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        CONSOLE.write(bytes, offset, length);
                        synchronized (OUTPUT) {
                            OUTPUT.write(bytes, offset, length);
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8));
        shop = new RunningShop();
    }

    @AfterAll
    static void stop() {
        shop.close();
        System.setOut(CONSOLE);
    }

    @Test
    void theCommandLineTakesThePort() {
        assertThat(WebShopApplication.springArguments("--port", "9090")).containsExactly("--server.port=9090");
        assertThat(WebShopApplication.springArguments("--port=0", "--debug"))
                .containsExactly("--server.port=0", "--debug");
        assertThat(WebShopApplication.springArguments()).containsExactly("--server.port=8080");
        assertThatThrownBy(() -> WebShopApplication.springArguments("--port", "http"))
                .hasMessageContaining("--port must be a number from 0 to 65535");
    }

    @Test
    void everyPageNeedsTheLogIn() throws Exception {
        HttpClient anonymous = RunningShop.client();
        for (String page : new String[] {"/", "/licenses", "/orders", "/reports", "/report.xlsx", "/order/new"}) {
            HttpResponse<String> answer = shop.get(anonymous, page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location"))
                    .as(page)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
        HttpClient wrong = RunningShop.client();
        String token = RunningShop.csrf(shop.get(wrong, "/login").body());
        HttpResponse<String> refused =
                shop.postForm(wrong, "/login", "username=reseller-a&password=guess&_csrf=" + token);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }

    @Test
    void formsAndTheQuoteApiNeedTheCsrfToken() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        assertThat(shop.postForm(client, "/sync", "").statusCode()).isEqualTo(403);
        HttpRequest withoutToken = HttpRequest.newBuilder(URI.create(shop.base + "/api/quote"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"NEW\"}"))
                .build();
        assertThat(client.send(withoutToken, HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theQuoteApiAnswersTheProtocolWithTheResellersMargin() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-b");
        String token = RunningShop.csrf(shop.get(client, "/order/new").body());
        HttpResponse<String> accepted = quote(
                client, token, "{\"id\":\"q1\",\"operation\":\"NEW\",\"product\":\"EAVB\",\"seats\":6,\"years\":1}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        // reseller-b's margin is 18 %: 150.60 street, 123.49 for the reseller (a margin sent by the browser is ignored)
        assertThat(accepted.body())
                .contains(
                        "\"id\":\"q1\"",
                        "\"accepted\":true",
                        "\"streetPrice\":\"150.60\"",
                        "\"yourPrice\":\"123.49\"",
                        "EAVB-N1B5");
        HttpResponse<String> rejected = quote(
                client,
                token,
                "{\"operation\":\"NEW\",\"product\":\"EAVB\",\"seats\":6,\"years\":1,\"discount\":\"GOV\","
                        + "\"locale\":\"fr\"}");
        assertThat(rejected.body())
                .contains("\"accepted\":false", "ELIGIBILITY_REQUIRED", "\"field\":\"eligibilityCode\"");
        assertThat(quote(client, token, "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aResellerSeesOnlyItsOwnLicenses() throws Exception {
        HttpClient b = RunningShop.client();
        shop.logIn(b, "reseller-b");
        String token = RunningShop.csrf(shop.get(b, "/").body());
        shop.postForm(b, "/sync", "_csrf=" + token);
        String theirs = DemoResellersTestSupport.someLicense(shop, DemoResellers.RESELLER_B);
        HttpClient a = RunningShop.client();
        shop.logIn(a, "reseller-a");
        assertThat(shop.get(a, "/licenses/" + theirs).statusCode()).isEqualTo(404);
        assertThat(shop.get(a, "/licenses/" + theirs + "/renew").statusCode()).isEqualTo(404);
        assertThat(shop.get(a, "/licenses/not-an-id").statusCode()).isEqualTo(404);
        assertThat(shop.get(a, "/orders/999").statusCode()).isEqualTo(404);
    }

    @Test
    void theStatusPageShowsTheRenewalsDueAndSendsTheReminderMailOnce() throws Exception {
        HttpClient b = RunningShop.client();
        shop.logIn(b, "reseller-b");
        dev.esetshop.sdk.EsetShop shopOfB =
                shop.context.getBean(dev.esetshop.sdk.EsetShops.class).shop(DemoResellers.RESELLER_B);
        shopOfB.sync();
        int due = shopOfB.dueReminders().reminders().size();
        String page = shop.get(b, "/").body();
        assertThat(page).contains("id=\"renewals\"", "Renewals due", "id=\"send-reminders\"");
        assertThat(due).as("the demo book of reseller-b has licenses due").isPositive();
        assertThat(page).contains(due == 1 ? "1 license is due" : due + " licenses are due");

        HttpResponse<String> sent = shop.postForm(b, "/reminders", "_csrf=" + RunningShop.csrf(page));
        assertThat(sent.statusCode()).isEqualTo(302);
        String after = shop.get(
                        b, sent.headers().firstValue("Location").orElseThrow().replace(shop.base, ""))
                .body();
        // the reminder mail is in the reseller's language: Alpen Security AG writes German
        assertThat(after)
                .contains(
                        "Reminders: " + due + " delivered now, 0 delivered before.",
                        "id=\"reminder-subject\">Lizenzen zur Verlängerung: " + due + "<");

        HttpResponse<String> again = shop.postForm(b, "/reminders", "_csrf=" + RunningShop.csrf(after));
        assertThat(shop.get(
                                b,
                                again.headers()
                                        .firstValue("Location")
                                        .orElseThrow()
                                        .replace(shop.base, ""))
                        .body())
                .contains("Reminders: 0 delivered now, " + due + " delivered before.");
    }

    /**
     * Without mail settings the demo sends to its local mail sink and the outbox shows each reseller what was sent
     * for it and that the sink received it, the license key masked; another reseller sees none of it.
     */
    @Test
    void withoutMailSettingsTheConfirmationGoesToTheLocalSinkAndTheOutboxShowsIt() throws Exception {
        LocalMailSink.Sink sink = shop.context.getBean(LocalMailSink.Sink.class);
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        String form = shop.get(client, "/order/new").body();
        HttpResponse<String> ordered = shop.postForm(
                client,
                "/order/new",
                "_csrf=" + RunningShop.csrf(form)
                        + "&product=EAVB&seats=5&years=1&organization=Sink+AG&firstName=Sina&lastName=Sink"
                        + "&email=sina%40sink.example&eula=true");
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(302);
        String location = ordered.headers().firstValue("Location").orElseThrow();
        String messageId = ShopMailer.messageId(dev.esetshop.sdk.confirm.OrderConfirmed.eventIdFor(
                dev.esetshop.core.IdempotencyKey.of(location.substring(location.lastIndexOf('/') + 1))));
        assertThat(sink.receivedMessageIds()).contains(messageId);

        String outbox = shop.get(client, "/outbox").body();
        assertThat(outbox)
                .contains(
                        "local mail sink at 127.0.0.1:" + sink.port(),
                        messageId.replace("<", "&lt;").replace(">", "&gt;"),
                        "sina@sink.example",
                        "admin@syncit.example",
                        "Order confirmation");
        String licenseId = java.util.regex.Pattern.compile("id=\"ordered-license\"[^>]*>([^<]+)<")
                .matcher(shop.get(client, location.replace(shop.base, "")).body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        String key = DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_A).licenses().stream()
                .filter(license -> license.id().value().equals(licenseId))
                .findFirst()
                .orElseThrow()
                .licenseKey()
                .reveal();
        assertThat(outbox).contains(licenseId).doesNotContain(key);

        HttpClient b = RunningShop.client();
        shop.logIn(b, "reseller-b");
        assertThat(shop.get(b, "/outbox").body()).doesNotContain("sina@sink.example");
    }

    @Test
    void actuatorShowsAnonymousUsersOnlyTheHealthStatusAndTheMetricsOnlyToLoggedInUsers() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        shop.get(client, "/");
        HttpClient anonymous = RunningShop.client();
        HttpResponse<String> status = shop.get(anonymous, "/actuator/health");
        assertThat(status.statusCode()).isEqualTo(200);
        // the status (and the names of the probe groups), no component and no detail
        assertThat(status.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("components", "details", "esetShop", "db", "reseller");
        for (String hidden : new String[] {"/actuator/prometheus", "/actuator/health/esetShop", "/actuator"}) {
            HttpResponse<String> refused = shop.get(anonymous, hidden);
            assertThat(refused.statusCode()).as(hidden).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location"))
                    .as(hidden)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
        HttpResponse<String> health = shop.get(client, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"esetShop\"", "\"status\":\"UP\"");
        HttpResponse<String> prometheus = shop.get(client, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        // the web shop feeds nothing by hand: the calls its pages made record themselves, by call, never by reseller
        assertThat(prometheus.body())
                .contains(
                        "eset_shop_eset_calls_seconds_count{call=\"Partner/Status\"",
                        "eset_shop_orders_pending",
                        "eset_shop_confirmations_undelivered",
                        "eset_shop_eset_breakers_open",
                        "eset_shop_orders_total{outcome=\"ordered\",path=\"reconcile\"}",
                        "eset_shop_sync_age_seconds");
        assertThat(prometheus.body()).doesNotContain("reseller=\"");
        assertThat(prometheus.body()).doesNotContain(DemoResellers.DEMO_PASSWORD + "\"", "sandbox-demo");
    }

    @Test
    void aTrialAndAProductChangeAreOrderedThroughTheirForms() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        shop.postForm(
                client,
                "/sync",
                "_csrf=" + RunningShop.csrf(shop.get(client, "/").body()));

        String trialForm = shop.get(client, "/order/trial").body();
        HttpResponse<String> trial = shop.postForm(
                client,
                "/order/trial",
                "_csrf=" + RunningShop.csrf(trialForm)
                        + "&product=EESB&seats=5&months=1&organization=Trial+AG&firstName=Tea&lastName=Tester"
                        + "&email=tea%40trial.example&eula=true");
        assertThat(trial.statusCode()).as(trial.body()).isEqualTo(302);
        String outcome = shop.get(
                        client,
                        trial.headers().firstValue("Location").orElseThrow().replace(shop.base, ""))
                .body();
        assertThat(outcome).contains("id=\"outcome\">Ordered<", "Trial license", "ESET Endpoint Security");

        // the history comes from the SDK's journal: localized labels and dates, price, customer, ESET order number
        String german = shop.get(client, "/orders?lang=de").body();
        assertThat(german)
                .contains("Testlizenz", "Trial AG", "Bestätigt", "ORD-", "0,00\u00a0€")
                .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}")
                .doesNotContain(">TRIAL<", ">CONFIRMED<")
                .doesNotContainPattern(">\\d{4}-\\d{2}-\\d{2}");
        assertThat(shop.get(client, "/orders?lang=fr&operation=TRIAL&state=CONFIRMED")
                        .body())
                .contains("Trial AG", "Confirmée", "Licence de test");
        shop.get(client, "/orders?lang=en");
        assertThat(shop.get(client, "/orders?operation=NEW").body()).doesNotContain("Trial AG");
        assertThat(shop.get(client, "/orders?state=REJECTED").body()).doesNotContain("Trial AG");

        String license = DemoResellersTestSupport.someLicense(shop, DemoResellers.RESELLER_A);
        String changeForm = shop.get(client, "/licenses/" + license + "/change").body();
        assertThat(changeForm).contains("Product change", "id=\"product\"");
        HttpResponse<String> badChange = shop.postForm(
                client,
                "/licenses/" + license + "/change",
                "_csrf=" + RunningShop.csrf(changeForm) + "&product=NOPE&seats=1&years=1");
        assertThat(badChange.statusCode()).isEqualTo(200);
        assertThat(badChange.body()).contains("class=\"violations\" data-field=\"seats\"");
        assertThat(badChange.body()).doesNotContain("id=\"outcome\"");
    }

    @Test
    void aTrialIsConvertedToPaidFromItsPageWithTheLiveQuoteAndTheEula() throws Exception {
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        shop.postForm(
                client,
                "/sync",
                "_csrf=" + RunningShop.csrf(shop.get(client, "/").body()));
        String trialForm = shop.get(client, "/order/trial").body();
        HttpResponse<String> ordered = shop.postForm(
                client,
                "/order/trial",
                "_csrf=" + RunningShop.csrf(trialForm)
                        + "&product=EESB&seats=5&months=1&organization=Convert+AG&firstName=Tea&lastName=Tester"
                        + "&email=tea%40convert.example&eula=true");
        String trialOutcome = shop.get(
                        client,
                        ordered.headers().firstValue("Location").orElseThrow().replace(shop.base, ""))
                .body();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("id=\"ordered-license\"[^>]*>([^<]+)<")
                .matcher(trialOutcome);
        assertThat(id.find()).as(trialOutcome).isTrue();
        String trial = id.group(1);

        String page = shop.get(client, "/licenses/" + trial).body();
        assertThat(page)
                .contains("id=\"do-CONVERT_TRIAL\"", "/licenses/" + trial + "/convert", "Convert to paid")
                .doesNotContain("id=\"do-RENEW\"");
        String form = shop.get(client, "/licenses/" + trial + "/convert").body();
        assertThat(form)
                .contains(
                        "Convert the trial to a paid license",
                        "data-operation=\"TRIAL_CONVERSION\"",
                        "id=\"conversion-customer\"",
                        "Convert AG",
                        "id=\"years\"",
                        "id=\"discount\"",
                        "name=\"eula\"")
                .doesNotContain("id=\"organization\"", "id=\"product\"");
        assertThat(shop.get(client, "/licenses/" + trial + "/convert?lang=de").body())
                .contains("Testlizenz in bezahlte Lizenz umwandeln", "Der Endkunde der Testlizenz bleibt");
        assertThat(shop.get(client, "/licenses/" + trial + "/convert?lang=fr").body())
                .contains("Convertir la licence de test en licence payante");
        shop.get(client, "/licenses/" + trial + "/convert?lang=en");

        // the live quote: the conversion costs what a new license of the trial's product costs
        String token = RunningShop.csrf(form);
        String expires =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(1).toString();
        String converted = quote(
                        client,
                        token,
                        "{\"operation\":\"TRIAL_CONVERSION\",\"seats\":6,\"years\":1,"
                                + "\"license\":{\"product\":\"EESB\",\"seats\":5,\"expires\":\"" + expires
                                + "\",\"trial\":true}}")
                .body();
        String asNew = quote(client, token, "{\"operation\":\"NEW\",\"product\":\"EESB\",\"seats\":6,\"years\":1}")
                .body();
        assertThat(converted).contains("\"accepted\":true");
        assertThat(price(converted, "yourPrice")).isEqualTo(price(asNew, "yourPrice"));
        assertThat(price(converted, "streetPrice")).isEqualTo(price(asNew, "streetPrice"));

        HttpResponse<String> withoutEula =
                shop.postForm(client, "/licenses/" + trial + "/convert", "_csrf=" + token + "&seats=6&years=1");
        assertThat(withoutEula.statusCode()).isEqualTo(200);
        assertThat(withoutEula.body())
                .contains("Accept the ESET end user license agreement before you order.")
                .doesNotContain("id=\"outcome\"");
        HttpResponse<String> convert = shop.postForm(
                client,
                "/licenses/" + trial + "/convert",
                "_csrf=" + token + "&seats=6&years=1&reference=PO-WEB-9&eula=true");
        assertThat(convert.statusCode()).as(convert.body()).isEqualTo(302);
        String outcome = shop.get(
                        client,
                        convert.headers().firstValue("Location").orElseThrow().replace(shop.base, ""))
                .body();
        assertThat(outcome)
                .contains(
                        "id=\"outcome\">Ordered<",
                        "Convert the trial to a paid license",
                        trial,
                        "Your trial license is now a paid license");
        String after = shop.get(client, "/licenses/" + trial).body();
        assertThat(after).contains("id=\"do-RENEW\"").doesNotContain("id=\"do-CONVERT_TRIAL\"");
    }

    private static String price(String answer, String field) {
        java.util.regex.Matcher price = java.util.regex.Pattern.compile("\"" + field + "\":\"([0-9.]+)\"")
                .matcher(answer);
        assertThat(price.find()).as(answer).isTrue();
        return price.group(1);
    }

    @Test
    void theOutputNamesTheAddressAndNoSecret() throws Exception {
        // an order of its own, so its logs (the order, its confirmation mail) are in the output whatever ran before
        HttpClient client = RunningShop.client();
        shop.logIn(client, "reseller-a");
        String form = shop.get(client, "/order/new").body();
        HttpResponse<String> ordered = shop.postForm(
                client,
                "/order/new",
                "_csrf=" + RunningShop.csrf(form)
                        + "&product=EAVB&seats=5&years=1&organization=Quiet+AG&firstName=Quinn&lastName=Quiet"
                        + "&email=quinn%40quiet.example&eula=true");
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(302);
        String output;
        synchronized (OUTPUT) {
            output = OUTPUT.toString(StandardCharsets.UTF_8);
        }
        assertThat(output)
                .contains(
                        "listening http://127.0.0.1:" + shop.base.substring(shop.base.lastIndexOf(':') + 1),
                        "reseller-a",
                        "reseller-b");
        // the logs are in it too, so a secret logged would be found
        assertThat(output).contains("CONFIRMATION mail <", "of reseller reseller-a sent to 2 recipient(s)");
        EsetSandbox a = DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_A);
        EsetSandbox b = DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_B);
        assertThat(output).doesNotContain(a.password().reveal(), b.password().reveal());
        Stream.concat(a.licenses().stream(), b.licenses().stream())
                .forEach(license ->
                        assertThat(output).doesNotContain(license.licenseKey().reveal()));
    }

    private static HttpResponse<String> quote(HttpClient client, String token, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(shop.base + "/api/quote"))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
