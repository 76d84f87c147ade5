package dev.esetshop.examples.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests (Debian's {@code chromium} and {@code chromium-driver}; nothing is
 * downloaded: the driver's path is set, so Selenium Manager never runs), in a profile of its own that
 * {@link #close()} deletes. Skipped with a message when Chromium is missing, required when {@code CI=true}.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    final WebDriver browser;
    private final Path profile;

    private Chromium(String language) throws IOException {
        profile = Files.createTempDirectory("web-shop-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
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
                "--lang=" + language,
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    /** Skips the test class without Chromium, unless {@code CI=true}, where its absence fails. */
    static void assumePresent() {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true needs Chromium for the browser tests: apt-get install -y chromium"
                    + " chromium-driver (looked for " + BINARY + " and " + DRIVER + ")");
        }
        Assumptions.assumeTrue(
                present,
                "browser tests skipped: no Chromium at " + BINARY + " and " + DRIVER
                        + " (apt-get install -y chromium chromium-driver, or set CHROMIUM_BIN and CHROMEDRIVER_BIN)");
    }

    /** A browser whose language is the given one (as {@code --lang}, e.g. {@code en-US}). */
    static Chromium start(String language) throws IOException {
        return new Chromium(language);
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        }
    }
}
