package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.License;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shop in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}; nothing is downloaded: the
 * driver's path is set, so Selenium Manager never runs). Skipped with a message when Chromium is missing, required
 * when {@code CI=true}. Every step saves a screenshot under {@code target/screenshots/}.
 */
class WebShopBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static RunningShop shop;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private Path downloads;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true needs Chromium for the browser tests: apt-get install -y chromium"
                    + " chromium-driver (looked for " + CHROMIUM + " and " + CHROMEDRIVER + ")");
        }
        Assumptions.assumeTrue(
                present,
                "browser tests skipped: no Chromium at " + CHROMIUM + " and "
                        + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver, or set CHROMIUM_BIN and"
                        + " CHROMEDRIVER_BIN)");
        Files.createDirectories(SCREENSHOTS);
        shop = new RunningShop();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("web-shop-chromium-");
        downloads = Files.createDirectories(Path.of("target", "downloads")).toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("download.default_directory", downloads.toString());
        preferences.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", preferences);
        // one driver process per browser, at the path given: Selenium Manager never runs, nothing is downloaded
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void logInSyncFindALicenseRenewItWithAnExtensionAndSeeTheConfirmation() throws IOException {
        logIn("reseller-a", "login");
        sync("status-synced");
        assertThat(text(By.id("partner-id"))).isEqualTo("ESET-P-104233");
        assertThat(text(By.id("last-sync"))).isNotEqualTo("never");

        browser.get(shop.base + "/licenses");
        new Select(browser.findElement(By.id("product"))).selectByValue("ESB");
        browser.findElement(By.id("filter")).click();
        wait.until(ExpectedConditions.urlContains("product=ESB"));
        List<WebElement> links = browser.findElements(By.className("license-link"));
        assertThat(links).isNotEmpty();
        screenshot("licenses");
        String id = links.get(0).getText();
        links.get(0).click();
        wait.until(ExpectedConditions.textToBe(By.id("license-id"), id));
        License asEset = DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_A).licenses().stream()
                .filter(license -> license.id().value().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(browser.getPageSource()).doesNotContain(asEset.licenseKey().reveal());
        assertThat(text(By.id("license-key")))
                .endsWith(asEset.licenseKey()
                        .reveal()
                        .substring(asEset.licenseKey().reveal().length() - 4));
        screenshot("license");

        browser.findElement(By.id("do-EXTEND")).click();
        WebElement seats = wait.until(ExpectedConditions.elementToBeClickable(By.id("seats")));
        assertThat(text(By.id("current-product"))).isEqualTo(asEset.productName());
        assertThat(text(By.id("current-seats")))
                .isEqualTo(String.valueOf(asEset.seats().count()));
        assertThat(browser.findElement(By.id("cancel")).getAttribute("href")).endsWith("/licenses/" + id);
        int more = asEset.seats().count() + 3;
        seats.clear();
        seats.sendKeys(String.valueOf(more));
        new Select(browser.findElement(By.id("years"))).selectByValue("1");
        browser.findElement(By.id("reference")).sendKeys("PO-4711");
        // the live quote replaces its summary on every keystroke: read it afresh until it shows the formatted amounts
        wait.until(driver -> driver.findElements(By.id("quote-summary")).stream()
                .anyMatch(summary -> {
                    try {
                        String text = summary.getText();
                        return text.contains("Street price") && text.contains("Your price") && text.contains("€");
                    } catch (StaleElementReferenceException replaced) {
                        return false;
                    }
                }));
        wait.until(driver ->
                driver.findElements(By.cssSelector("#quote-lines tbody tr")).size() == 2);
        assertThat(text(By.id("quote-lines"))).contains("Renewal of", "Extension of 3 seats until the current expiry");
        screenshot("renewal-quote");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("order"))).click();

        wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Ordered"));
        assertThat(text(By.id("order-number"))).startsWith("ORD-");
        assertThat(text(By.id("email-subject"))).contains(asEset.productName());
        assertThat(text(By.id("email-text"))).contains("PO-4711", id, String.valueOf(more));
        assertThat(browser.getPageSource()).doesNotContain(asEset.licenseKey().reveal());
        screenshot("order-confirmation");

        browser.get(shop.base + "/orders");
        assertThat(text(By.id("orders"))).contains("Renewal", id, "Confirmed", "PO-4711");
        screenshot("orders");
    }

    @Test
    void aTrialOrderedInTheShopIsConvertedToPaidFromItsPageWithTheLiveQuote() throws IOException {
        logIn("reseller-b", "login-convert");
        browser.get(shop.base + "/order/trial");
        new Select(browser.findElement(By.id("product"))).selectByValue("EESB");
        type(By.id("seats"), "5");
        new Select(browser.findElement(By.id("months"))).selectByValue("1");
        type(By.id("organization"), "Probe GmbH");
        type(By.id("firstName"), "Paula");
        type(By.id("lastName"), "Probe");
        type(By.id("email"), "paula@probe.example");
        browser.findElement(By.id("eula1")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("order"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Ordered"));
        String id = text(By.id("ordered-license"));
        browser.findElement(By.id("ordered-license")).click();
        wait.until(ExpectedConditions.textToBe(By.id("license-id"), id));
        screenshot("trial-license");

        browser.findElement(By.id("do-CONVERT_TRIAL")).click();
        WebElement seats = wait.until(ExpectedConditions.elementToBeClickable(By.id("seats")));
        assertThat(text(By.id("conversion-customer"))).contains("Probe GmbH");
        seats.clear();
        seats.sendKeys("7");
        new Select(browser.findElement(By.id("years"))).selectByValue("2");
        // the live quote answers every change, replacing its summary: read it afresh until it prices the two years
        String twoYears = dev.esetshop.sdk.present.ShopPresentation.of(
                        java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC)
                .date(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(2));
        wait.until(driver -> driver.findElements(By.id("quote-summary")).stream()
                .anyMatch(summary -> {
                    try {
                        return summary.getText().contains("Your price")
                                && summary.getText().contains(twoYears);
                    } catch (StaleElementReferenceException replaced) {
                        return false;
                    }
                }));
        screenshot("conversion-quote");
        assertThat(browser.findElement(By.id("order")).isEnabled())
                .as("the EULA is not accepted yet")
                .isFalse();
        browser.findElement(By.id("eula1")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("order"))).click();

        wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Ordered"));
        assertThat(text(By.id("ordered-license"))).isEqualTo(id);
        // the confirmation mail is in the reseller's language: Alpen Security AG writes German
        assertThat(text(By.id("email-text"))).contains("Ihre Testlizenz ist jetzt eine bezahlte Lizenz", id, "7");
        screenshot("conversion-confirmation");
        License atEset = DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_B).licenses().stream()
                .filter(license -> license.id().value().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(atEset.trial()).isFalse();
        assertThat(atEset.seats().count()).isEqualTo(7);
    }

    @Test
    void anOrderThatBreaksRulesShowsEveryMessageInGermanBesideItsFieldAsTheResellerTypes() throws IOException {
        logIn("reseller-a", "login-a");
        browser.get(shop.base + "/order/new?lang=de");
        assertThat(text(By.tagName("h1"))).isEqualTo("Neue Lizenz");
        // a fresh form: no violation, the seats at the product's minimum with the range beside them, no Order yet
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-summary")));
        assertThat(browser.findElements(By.cssSelector("ul.violations li"))).isEmpty();
        assertThat(browser.findElement(By.id("seats")).getAttribute("value")).isEqualTo("5");
        assertThat(text(By.id("seat-range"))).isEqualTo("5 bis 1.000 Plätze");
        assertThat(browser.findElement(By.id("order")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("crossgradeSeats")).isDisplayed()).isFalse();
        screenshot("new-license-fresh-de");

        new Select(browser.findElement(By.id("product"))).selectByVisibleText("ESET Endpoint Antivirus");
        type(By.id("seats"), "6");
        new Select(browser.findElement(By.id("discount"))).selectByValue("GOV");
        browser.findElement(By.id("crossgrade1")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("crossgradeSeats")));
        type(By.id("crossgradeSeats"), "2");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = '2020-01-01'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        browser.findElement(By.id("crossgradeExpires")));
        type(By.id("organization"), "x");
        browser.findElement(By.id("organization")).sendKeys(Keys.BACK_SPACE);
        browser.findElement(By.id("eula1")).click();
        browser.findElement(By.id("eula1")).click();
        // every broken rule beside its field while the reseller types, in one round
        wait.until(driver -> !violations("crossgrade.expires").isEmpty()
                && !violations("eula").isEmpty()
                && !violations("customer.organization").isEmpty());
        assertThat(violations("eligibilityCode")).singleElement().asString().contains("GOV", "Berechtigungscode");
        assertThat(violations("discount")).singleElement().asString().contains("Crossgrade", "GOV");
        assertThat(violations("crossgrade.proof")).singleElement().asString().contains("Nachweis");
        assertThat(violations("crossgrade.seats")).singleElement().asString().contains("60 %");
        assertThat(violations("crossgrade.expires")).singleElement().asString().contains("01.01.2020", "abgelaufen");
        assertThat(violations("eula")).singleElement().asString().contains("Endbenutzer-Lizenzvereinbarung");
        assertThat(violations("customer.organization"))
                .singleElement()
                .asString()
                .contains("Organisation");
        assertThat(violations("customer.email")).as("not visited yet").isEmpty();
        assertThat(browser.findElement(By.id("order")).isEnabled()).isFalse();
        screenshot("new-license-live-violations-de");
    }

    @Test
    void orderIsEnabledOnlyWhenTheCheckPassesAndThePriceStaysAfterARefusedSubmit() throws IOException {
        logIn("reseller-a", "login-enable");
        browser.get(shop.base + "/order/new?lang=en");
        new Select(browser.findElement(By.id("product"))).selectByVisibleText("ESET Endpoint Security");
        type(By.id("organization"), "Enable AG");
        type(By.id("firstName"), "Ena");
        type(By.id("lastName"), "Bler");
        type(By.id("email"), "ena@enable.example");
        new Select(browser.findElement(By.id("country"))).selectByVisibleText("Switzerland");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-summary")));
        assertThat(browser.findElement(By.id("order")).isEnabled())
                .as("the EULA is not accepted")
                .isFalse();
        browser.findElement(By.id("eula1")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("order")));
        type(By.id("seats"), "2");
        wait.until(driver -> !violations("seats").isEmpty());
        assertThat(browser.findElement(By.id("order")).isEnabled()).isFalse();
        type(By.id("seats"), "8");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("order")));
        screenshot("new-license-orderable");

        // a submit the shop refuses (the EULA unticked behind the button's back): every violation, and the price
        browser.findElement(By.id("eula1")).click();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('order-form').submit();");
        wait.until(driver -> !violations("eula").isEmpty());
        assertThat(browser.findElements(By.id("outcome"))).isEmpty();
        WebElement price = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-summary")));
        assertThat(price.getText()).contains("Your price");
        assertThat(browser.findElement(By.id("seats")).getAttribute("value")).isEqualTo("8");
        screenshot("new-license-refused-keeps-price");
    }

    @Test
    void aCustomerNamedLikeAScriptIsShownAsText() throws IOException {
        logIn("reseller-a", "login-script");
        String name = "<script>alert('x')</script> GmbH";
        browser.get(shop.base + "/order/new");
        new Select(browser.findElement(By.id("product"))).selectByValue("EAVB");
        type(By.id("seats"), "5");
        type(By.id("organization"), name);
        type(By.id("firstName"), "Eve");
        type(By.id("lastName"), "Example");
        type(By.id("email"), "eve@example.com");
        browser.findElement(By.id("eula1")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-summary")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("order"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Ordered"));
        browser.findElement(By.id("ordered-license")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer")));
        assertThat(text(By.id("customer"))).isEqualTo(name);
        assertThat(browser.getPageSource()).doesNotContain("<script>alert");
        assertThat(alertShown()).isFalse();
        screenshot("customer-script-escaped");
    }

    @Test
    void theReportsPageShowsTheChartsAndDownloadsTheXlsx() throws Exception {
        logIn("reseller-b", "login-b");
        sync("status-b-synced");
        browser.get(shop.base + "/reports?lang=fr");
        assertThat(text(By.tagName("h1"))).isEqualTo("Rapports");
        assertThat(browser.findElements(By.cssSelector("#seats-by-product .bar")))
                .isNotEmpty();
        // every month has its row; a month with no renewal shows its zero and draws no bar
        assertThat(browser.findElements(By.cssSelector("#renewals-due tr"))).hasSize(ReportPages.MONTHS_AHEAD);
        assertThat(browser.findElements(By.cssSelector("#renewals-due .bar")).size()
                        + browser.findElements(By.cssSelector("#renewals-due .zero"))
                                .size())
                .isEqualTo(ReportPages.MONTHS_AHEAD);
        assertThat(browser.findElements(By.cssSelector("#discounts tr"))).hasSizeGreaterThan(1);
        screenshot("reports-fr");

        try (Stream<Path> old = Files.list(downloads)) {
            old.forEach(file -> file.toFile().delete());
        }
        browser.findElement(By.id("download-xlsx")).click();
        Path xlsx = new WebDriverWait(browser, WAIT).until(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(file -> file.toString().endsWith(".xlsx"))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        Files.copy(xlsx, SCREENSHOTS.resolve("report.xlsx"), StandardCopyOption.REPLACE_EXISTING);
        int expected = DemoResellersTestSupport.sandbox(shop, DemoResellers.RESELLER_B)
                .licenses()
                .size();
        try (InputStream in = Files.newInputStream(xlsx);
                ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCell(0).getText()).isNotBlank();
            assertThat(rows.size() - 1).isPositive().isLessThanOrEqualTo(expected);
        }
    }

    @Test
    void anotherResellersLicenseAnswers404() throws Exception {
        logIn("reseller-b", "login-b2");
        sync("status-b");
        String theirs = DemoResellersTestSupport.someLicense(shop, DemoResellers.RESELLER_B);
        browser.get(shop.base + "/licenses/" + theirs);
        wait.until(ExpectedConditions.textToBe(By.id("license-id"), theirs));
        browser.findElement(By.cssSelector("header form button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        logIn("reseller-a", "login-a2");
        browser.get(shop.base + "/licenses/" + theirs);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        screenshot("other-resellers-license-404");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(shop.base + "/licenses/" + theirs))
                                .header("Cookie", "JSESSIONID=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
    }

    private void logIn(String user, String screenshot) throws IOException {
        browser.get(shop.base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DemoResellers.DEMO_PASSWORD);
        screenshot(screenshot);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        assertThat(text(By.id("user"))).isEqualTo(user);
    }

    private void sync(String screenshot) throws IOException {
        browser.get(shop.base + "/");
        browser.findElement(By.id("sync")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sync-result")));
        screenshot(screenshot);
    }

    private List<String> violations(String field) {
        return browser.findElements(By.cssSelector("ul.violations[data-field='" + field + "'] li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void type(By field, String value) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(value);
    }

    private String text(By element) {
        return browser.findElement(element).getText();
    }

    private boolean alertShown() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
