package dev.esetshop.examples.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/** The web shop started on a free loopback port for a test class, and an HTTP client that can log in. */
final class RunningShop implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    final ConfigurableApplicationContext context;
    final String base;

    RunningShop() {
        this(new String[0]);
    }

    /** The shop with further Spring Boot arguments, such as a database of its own. */
    RunningShop(String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--port";
        all[1] = "0";
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        context = WebShopApplication.start(all);
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A client with its own cookies, not logged in. */
    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A GET from a browser (it accepts HTML, so an error is the shop's page) whose language preference is
     * {@code acceptLanguage}, such as {@code de-DE,de;q=0.9}.
     */
    HttpResponse<String> get(HttpClient client, String path, String acceptLanguage) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", acceptLanguage)
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postForm(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Logs a client in through the log-in form, with its CSRF token. */
    void logIn(HttpClient client, String user) throws Exception {
        String token = csrf(get(client, "/login").body());
        HttpResponse<String> answer = postForm(client, "/login",
                "username=" + user + "&password=" + DemoResellers.DEMO_PASSWORD + "&_csrf=" + token);
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
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
