package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.OrderRequest;
import dev.esetshop.sdk.OrderResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19 §6: every page, in English, German and French, passes axe-core without a serious or critical violation
 * and is saved as a screenshot ({@code target/screenshots/PAGE-LANG.png}); an order is placed with the keyboard alone.
 * Each test logs in and prepares what it needs, so none depends on another.
 */
class AccessibilityBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The impacts that fail a page. */
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /** The most Tab presses from one field to the next the keyboard test allows itself. */
    private static final int MAX_TABS = 80;

    private static RunningShop shop;

    @BeforeAll
    static void start() throws IOException {
        Chromium.assumePresent();
        Files.createDirectories(SCREENSHOTS);
        shop = new RunningShop();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void everyPageInEveryLanguageHasNoSeriousOrCriticalAxeViolationAndIsPhotographed() throws IOException {
        String license = DemoResellersTestSupport.someLicense(shop, DemoResellers.RESELLER_A);
        String order = orderOf("a11y");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("status", "/");
        pages.put("licenses", "/licenses");
        pages.put("license", "/licenses/" + license);
        pages.put("renewal", "/licenses/" + license + "/renew");
        pages.put("product-change", "/licenses/" + license + "/change");
        pages.put("new-license", "/order/new");
        pages.put("trial", "/order/trial");
        pages.put("orders", "/orders");
        pages.put("order-outcome", "/orders/" + order);
        pages.put("outbox", "/outbox");
        pages.put("reports", "/reports");
        pages.put("not-found", "/licenses/no-such-license");
        List<String> failures = new ArrayList<>();
        for (String language : List.of("en", "de", "fr")) {
            try (Chromium chromium = Chromium.start(language)) {
                WebDriver browser = chromium.browser;
                browser.get(shop.base + "/login?lang=" + language);
                failures.addAll(check(browser, "login", language));
                logIn(browser, "reseller-a");
                shop.context
                        .getBean(EsetShops.class)
                        .shop(DemoResellers.RESELLER_A)
                        .sync();
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.get(shop.base + page.getValue());
                    failures.addAll(check(browser, page.getKey(), language));
                }
                // the new-license form with its live quote for 6 seats (the German one is the README's picture)
                browser.get(shop.base + "/order/new");
                WebElement seats = browser.findElement(By.id("seats"));
                seats.clear();
                seats.sendKeys("6");
                new WebDriverWait(browser, WAIT)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-summary")));
                failures.addAll(check(browser, "new-license-quote", language));
            }
        }
        assertThat(failures).as("serious or critical axe-core violations").isEmpty();
    }

    /** The check fails a page it should: a field without a label is a critical violation. */
    @Test
    void theCheckFindsAFieldWithoutALabel() throws IOException {
        try (Chromium chromium = Chromium.start("en")) {
            chromium.browser.get("data:text/html,<!DOCTYPE html><html lang=en><head><title>t</title></head>"
                    + "<body><main><h1>t</h1><input id=nameless></main></body></html>");
            assertThat(check(chromium.browser, "check-self-test", "en"))
                    .singleElement()
                    .asString()
                    .contains("label", "#nameless");
        }
    }

    @Test
    void aNewLicenseIsOrderedWithTheKeyboardAlone() throws IOException {
        try (Chromium chromium = Chromium.start("en")) {
            WebDriver browser = chromium.browser;
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            browser.get(shop.base + "/login?lang=en");
            // the user field has the focus when the page opens
            tabTo(browser, element -> "username".equals(element.getAttribute("id")));
            type(browser, "reseller-a");
            tabTo(browser, element -> "password".equals(element.getAttribute("id")));
            type(browser, DemoResellers.DEMO_PASSWORD + Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));

            tabTo(
                    browser,
                    element -> String.valueOf(element.getAttribute("href")).endsWith("/order/new"));
            type(browser, Keys.ENTER);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-form")));
            tabTo(browser, element -> "seats".equals(element.getAttribute("id")));
            type(browser, Keys.chord(Keys.CONTROL, "a") + "7");
            for (String[] field : new String[][] {
                {"organization", "Keyboard GmbH"},
                {"firstName", "Kai"},
                {"lastName", "Keys"},
                {"email", "kai@keyboard.example"}
            }) {
                tabTo(browser, element -> field[0].equals(element.getAttribute("id")));
                type(browser, field[1]);
            }
            tabTo(
                    browser,
                    element -> "checkbox".equals(element.getAttribute("type"))
                            && "eula".equals(element.getAttribute("name")));
            type(browser, Keys.SPACE);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-summary")));
            tabTo(browser, element -> "order".equals(element.getAttribute("id")));
            screenshot(browser, "keyboard-order-form");
            type(browser, Keys.ENTER);

            wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Ordered"));
            assertThat(browser.findElement(By.id("order-number")).getText()).startsWith("ORD-");
            screenshot(browser, "keyboard-order-outcome");
        }
    }

    /** Presses Tab until the focused element is the one wanted; fails when it is never reached. */
    private static void tabTo(WebDriver browser, Predicate<WebElement> wanted) {
        for (int i = 0; i <= MAX_TABS; i++) {
            if (wanted.test(browser.switchTo().activeElement())) {
                return;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError(
                "the keyboard never reaches the field: " + MAX_TABS + " Tab presses on " + browser.getCurrentUrl());
    }

    private static void type(WebDriver browser, CharSequence keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private static void logIn(WebDriver browser, String user) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DemoResellers.DEMO_PASSWORD);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
    }

    /** The page's serious and critical violations, each as one line; the page's screenshot saved. */
    private static List<String> check(WebDriver browser, String page, String language) throws IOException {
        screenshot(browser, page + "-" + language);
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(browser);
        assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
        List<String> failures = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                rule.getNodes()
                        .forEach(node -> failures.add(page + " (" + language + "): " + rule.getId() + " ["
                                + rule.getImpact() + "] " + node.getTarget() + " " + node.getHtml()));
            }
        }
        return failures;
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** An order of reseller-a placed through the SDK, for its outcome page: the purchase key. */
    private static String orderOf(String prefix) {
        EsetShop shopOfA = shop.context.getBean(EsetShops.class).shop(DemoResellers.RESELLER_A);
        String key = prefix + "-" + UUID.randomUUID();
        QuoteResult quoted = shopOfA.quote(
                NewLicenseRequest.builder().product("EAVB").seats(5).years(1).build());
        OrderResult result = shopOfA.order(OrderRequest.forNewLicense(
                        ((QuoteResult.Accepted) quoted).quote(),
                        EulaAcceptance.of(
                                OrderPages.EULA_VERSION,
                                "reseller-a",
                                shop.context.getBean(Clock.class).instant()),
                        EndCustomer.builder()
                                .organization("Axe AG")
                                .firstName("Ada")
                                .lastName("Axe")
                                .email("ada@axe.example")
                                .build())
                .withIdempotencyKey(IdempotencyKey.of(key)));
        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        return key;
    }
}
