package dev.esetshop.examples.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/** The web shop started on a free loopback port for a test class, and an HTTP client that can log in. */
final class RunningShop implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    final ConfigurableApplicationContext context;
    final String base;

    /** The demo shop, as {@code ./eset-shop web} starts it, with any further {@code --property=value}. */
    RunningShop(String... arguments) {
        List<String> all =
                new ArrayList<>(List.of("--port", "0", "--spring.profiles.active=" + WebShopApplication.DEMO_PROFILE));
        if (Stream.of(arguments).noneMatch(argument -> argument.startsWith("--spring.datasource.url="))) {
            // a database of its own: no test class sees the orders and books another left behind (a property given
            // twice on the command line would be both values, joined by a comma)
            all.add("--spring.datasource.url=jdbc:h2:mem:web-shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        all.addAll(List.of(arguments));
        context = WebShopApplication.start(all.toArray(String[]::new));
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A client with its own cookies, not logged in. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A GET from a browser (it accepts HTML, so an error is the shop's page) whose language preference is
     * {@code acceptLanguage}, such as {@code de-DE,de;q=0.9}.
     */
    HttpResponse<String> get(HttpClient client, String path, String acceptLanguage) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept-Language", acceptLanguage)
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postForm(HttpClient client, String path, String form) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Logs a client in through the log-in form, with its CSRF token. */
    void logIn(HttpClient client, String user) throws Exception {
        String token = csrf(get(client, "/login").body());
        HttpResponse<String> answer = postForm(
                client, "/login", "username=" + user + "&password=" + DemoResellers.DEMO_PASSWORD + "&_csrf=" + token);
        if (answer.statusCode() != 302
                || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("log-in of " + user + " failed: " + answer.statusCode());
        }
    }

    static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("the page has no CSRF token");
        }
        return matcher.group(1);
    }

    @Override
    public void close() {
        context.close();
    }
}
