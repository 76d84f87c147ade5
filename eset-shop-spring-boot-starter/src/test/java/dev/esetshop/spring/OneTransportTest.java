package dev.esetshop.spring;

import static dev.esetshop.spring.StarterFixtures.reseller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.testkit.EsetSandbox;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue 18 §2: every reseller's client the starter builds shares one HTTP client, executor and deadline watch, so
 * the threads do not grow with the resellers.
 */
class OneTransportTest {

    /** More than the HTTP client's hand-offs of one call at a time add; far fewer than one reseller's own three. */
    private static final int MAX_POOL_GROWTH = 4;

    private EsetSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = EsetSandbox.builder().seed(7).licenses(1).start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void fiftyAndThenTwoHundredResellersRunOnTheSameThreads() {
        ResellerDirectory directory = StarterFixtures.directory(sandbox, 250);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EsetShopAutoConfiguration.class))
                .withBean(ResellerDirectory.class, () -> directory)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false")
                .run(context -> {
                    EsetShops shops = context.getBean(EsetShops.class);
                    for (int i = 0; i < 50; i++) {
                        assertThat(shops.shop(reseller(i)).status().partnerId()).isNotBlank();
                    }
                    Set<Thread> withFifty = serviceThreads();
                    for (int i = 50; i < 250; i++) {
                        assertThat(shops.shop(reseller(i)).status().partnerId()).isNotBlank();
                    }
                    Set<Thread> withTwoHundredFifty = serviceThreads();

                    // 200 more resellers started no HTTP client, no deadline watch, no executor of their own: at
                    // most the shared executor grew by a thread or two (it grows with the calls in flight at once,
                    // here one at a time, never with the resellers); 200 own clients would be 600 threads
                    Set<Thread> started = new HashSet<>(withTwoHundredFifty);
                    started.removeAll(withFifty);
                    assertThat(started)
                            .extracting(Thread::getName)
                            .allMatch(name -> name.matches("eset-client-[0-9]+-[0-9]+"), "threads of the shared pool")
                            .hasSizeLessThanOrEqualTo(MAX_POOL_GROWTH);
                    assertThat(withTwoHundredFifty.size()).isLessThanOrEqualTo(withFifty.size() + MAX_POOL_GROWTH);
                });
    }

    /** The service's live threads (the sandbox's own come and go with its work). */
    private static Set<Thread> serviceThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !thread.getName().startsWith("eset-sandbox-")
                        && !thread.getName().startsWith("HTTP-Dispatcher"))
                .collect(Collectors.toSet());
    }
}
