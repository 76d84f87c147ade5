package dev.esetshop.examples.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The example web shop: {@code ./eset-shop web [--port N]}, which switches on the {@code demo} profile: two demo
 * resellers on embedded ESET sandboxes ({@link DemoResellers}). Without that profile the application holds only what
 * a marketplace writes: its {@code ResellerDirectory} and log-ins beans and the {@code eset.shop.*} settings. It
 * listens on 127.0.0.1 and prints {@code listening http://127.0.0.1:PORT}.
 */
@SpringBootApplication
public class WebShopApplication {

    /** The profile of the demo resellers and their sandboxes, switched on by {@code ./eset-shop web}. */
    static final String DEMO_PROFILE = "demo";

    /** The port when {@code --port} is not given. */
    static final int DEFAULT_PORT = 8080;

    /**
     * Starts the shop.
     *
     * @param args {@code --port N} (0 for any free port) and any Spring Boot {@code --property=value}
     */
    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the shop and answers its context (tests close it).
     *
     * @param args as for {@link #main}
     * @return the running application
     */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(WebShopApplication.class);
        application.addListeners((ApplicationListener<WebServerInitializedEvent>) event ->
                // the line scripts and tests wait for: the shop is ready at this address
                System.out.println("listening http://127.0.0.1:"
                        + event.getWebServer().getPort()
                        + (event.getApplicationContext().getEnvironment().matchesProfiles(DEMO_PROFILE)
                                ? "  (log in as reseller-a or reseller-b, password demo)"
                                : "")));
        return application.run(springArguments(args));
    }

    /**
     * The one clock of the shop: the pages, the mails and the starter's shops read the time from it (a test replaces
     * it with a fixed one).
     *
     * @return the system clock in UTC
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** {@code --port N} as Spring Boot's {@code --server.port=N}; every other argument as given. */
    static String[] springArguments(String... args) {
        List<String> spring = new ArrayList<>();
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else if (args[i].startsWith("--port=")) {
                port = parsePort(args[i].substring("--port=".length()));
            } else {
                spring.add(args[i]);
            }
        }
        spring.add(0, "--server.port=" + port);
        return spring.toArray(String[]::new);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, not " + text);
    }
}
