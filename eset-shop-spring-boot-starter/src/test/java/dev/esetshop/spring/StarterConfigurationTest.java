package dev.esetshop.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.core.error.RateLimitedException;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.testkit.EsetSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

/** §6 of issue 18: properties that only override, ordered customizers, unknown keys, the start-up line. */
class StarterConfigurationTest {

    private static EsetSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = EsetSandbox.builder().seed(11).licenses(3).start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private ApplicationContextRunner host() {
        ResellerDirectory directory = StarterFixtures.directory(sandbox, 1);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EsetShopAutoConfiguration.class))
                .withBean(ResellerDirectory.class, () -> directory)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false");
    }

    /** A client customizer with its order, recording that it ran. */
    private record Ordered(int order, String name, List<String> ran, EsetPartnerClientCustomizer change)
            implements EsetPartnerClientCustomizer, org.springframework.core.Ordered {
        @Override
        public void customize(EsetPartnerClient.Builder builder) {
            ran.add(name);
            change.customize(builder);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    @Test
    void clientCustomizersRunInTheirOrderAfterTheProperties() {
        List<String> ran = new CopyOnWriteArrayList<>();
        // one call per hour, no waiting: only the customizer's rate limit makes the shop's second call fail
        Ordered late = new Ordered(
                Ordered.LOWEST_PRECEDENCE,
                "late",
                ran,
                builder -> builder.rateLimit(new RateLimitSettings(1, Duration.ofHours(1), Duration.ZERO)));
        Ordered early = new Ordered(Ordered.HIGHEST_PRECEDENCE, "early", ran, builder -> {});
        host().withBean("late", EsetPartnerClientCustomizer.class, () -> late)
                .withBean("early", EsetPartnerClientCustomizer.class, () -> early)
                // the property allows plenty; the customizer runs after it and wins
                .withPropertyValues("eset.shop.rate-limit.calls-per-period=1000", "eset.shop.rate-limit.max-wait=0s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EsetShop shop = context.getBean(EsetShops.class).shop(StarterFixtures.reseller(0));
                    // token and partner status: two calls, one over the customizer's limit
                    assertThatThrownBy(shop::status)
                            .isInstanceOfSatisfying(
                                    EsetShopException.class,
                                    e -> assertThat(e.code()).isEqualTo(RateLimitedException.CODE));
                    // at start-up (the check) and for the reseller's client: always early, then late
                    assertThat(ran).containsExactly("early", "late", "early", "late");
                });
    }

    @Test
    void withoutCustomizersThePropertiesReachTheClient() {
        host().withPropertyValues(
                        "eset.shop.rate-limit.calls-per-period=1",
                        "eset.shop.rate-limit.period=1h",
                        "eset.shop.rate-limit.max-wait=0s")
                .run(context -> {
                    EsetShop shop = context.getBean(EsetShops.class).shop(StarterFixtures.reseller(0));
                    assertThatThrownBy(shop::status)
                            .isInstanceOfSatisfying(
                                    EsetShopException.class,
                                    e -> assertThat(e.code()).isEqualTo(RateLimitedException.CODE));
                });
        // and unset, the client's default (10 a second) lets the same calls through
        host().run(context -> assertThat(context.getBean(EsetShops.class)
                        .shop(StarterFixtures.reseller(0))
                        .status()
                        .partnerId())
                .isNotBlank());
    }

    @Test
    void aValueACustomizerGivesThatTheClientRefusesFailsTheStart() {
        host().withBean(EsetPartnerClientCustomizer.class, () -> builder -> builder.requestTimeout(Duration.ZERO))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(StarterFixtures.causes(context.getStartupFailure()))
                            .contains("EsetPartnerClientCustomizer")
                            .contains("requestTimeout must be positive");
                });
    }

    @Test
    void registryCustomizersRunAfterThePropertiesAndTheInstanceIdIsApplied() {
        host().withPropertyValues("eset.shop.instance-id=pod-3")
                .run(context ->
                        assertThat(context.getBean(EsetShops.class).instance()).isEqualTo("pod-3"));
        host().withPropertyValues("eset.shop.instance-id=pod-3")
                .withBean(EsetShopsCustomizer.class, () -> builder -> builder.instance("from-the-customizer"))
                .run(context ->
                        assertThat(context.getBean(EsetShops.class).instance()).isEqualTo("from-the-customizer"));
        host().withPropertyValues("eset.shop.instance-id= ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StarterFixtures.causes(context.getStartupFailure())).contains("eset.shop.instance-id: ");
        });
    }

    @Test
    void theClaimLeaseIsJudgedAgainstTheRetryBudgetInForce() {
        // 20 s is shorter than the client's default budget (30 s), but longer than the budget given
        host().withPropertyValues("eset.shop.reconcile.claim-lease=20s", "eset.shop.retry.total-budget=10s")
                .run(context -> assertThat(context).hasNotFailed());
        host().withPropertyValues("eset.shop.reconcile.claim-lease=20s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StarterFixtures.causes(context.getStartupFailure()))
                    .contains("eset.shop.reconcile.claim-lease (PT20S) must be longer")
                    .contains("(PT30S)");
        });
    }

    @Test
    void anUnknownKeyFailsTheStartNamingItAndTheKnownKeysCloseToIt() {
        host().withPropertyValues("eset.shop.retry.max-atempts=3").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StarterFixtures.causes(context.getStartupFailure()))
                    .contains("eset.shop.retry.max-atempts is not a property of the eset-shop starter")
                    .contains("known keys close to it: eset.shop.retry.max-attempts");
        });
        host().withPropertyValues("eset.shop.sync.intervall=5m")
                .run(context -> assertThat(StarterFixtures.causes(context.getStartupFailure()))
                        .contains("eset.shop.sync.interval"));
        // every relaxed form of a known key, and a list by index, is known
        host().withPropertyValues(
                        "eset.shop.retry.maxAttempts=3",
                        "eset.shop.retry.total_budget=20s",
                        "eset.shop.reminders.windows[0]=30",
                        "eset.shop.reminders.windows[1]=7")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EsetShopProperties.class).retry().maxAttempts())
                            .hasValue(3);
                });
    }

    @Test
    void theStartLogsOneLineWithBaseUrlResellersStorageAndSchedules() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            host().withPropertyValues(
                            "eset.shop.instance-id=pod-3",
                            "eset.shop.reconcile.enabled=true",
                            "eset.shop.reconcile.interval=90s")
                    .run(context -> assertThat(context).hasNotFailed());
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.contains("eset-shop started"))
                .toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains("INFO")
                .endsWith("eset-shop started: base URL " + sandbox.baseUri()
                        + ", 1 reseller known, storage in memory (one instance only), schedules sync off, reconcile every 90s,"
                        + " reminders off (no RenewalRemindersHandler bean), instance pod-3");
    }
}
