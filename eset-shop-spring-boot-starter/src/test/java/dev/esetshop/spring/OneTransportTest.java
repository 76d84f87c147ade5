package dev.esetshop.spring;

import static dev.esetshop.spring.StarterFixtures.reseller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.testkit.EsetSandbox;
import java.util.List;
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
                .withPropertyValues("eset.shop.base-url=" + sandbox.baseUri(), "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false")
                .run(context -> {
                    EsetShops shops = context.getBean(EsetShops.class);
                    // the sandbox's own threads come and go with its work: only the service's are counted
                    for (int i = 0; i < 50; i++) {
                        assertThat(shops.shop(reseller(i)).status().partnerId()).isNotBlank();
                    }
                    List<String> withFifty = serviceThreads();
                    for (int i = 50; i < 250; i++) {
                        assertThat(shops.shop(reseller(i)).status().partnerId()).isNotBlank();
                    }
                    List<String> withTwoHundredFifty = serviceThreads();

                    assertThat(withTwoHundredFifty).as("threads with 50 resellers: %s", withFifty)
                            .hasSameSizeAs(withFifty);
                    // one HTTP client: one selector thread, however many resellers
                    assertThat(withTwoHundredFifty.stream().filter(name -> name.contains("SelectorManager")))
                            .hasSize(1);
                });
    }

    private static List<String> serviceThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> !name.startsWith("eset-sandbox-") && !name.startsWith("HTTP-Dispatcher"))
                .sorted()
                .toList();
    }
}
