package dev.esetshop.spring.internal;

import dev.esetshop.client.CircuitBreakerSettings;
import dev.esetshop.client.EsetClientListener;
import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.client.RateLimitSettings;
import dev.esetshop.client.RetrySettings;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.spring.EsetPartnerClientCustomizer;
import dev.esetshop.spring.EsetShopProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;

/**
 * Applies the {@code eset.shop.*} properties onto the builders, which hold the one set of defaults and checks: an
 * unset property leaves the builder's default, and a value the builder refuses fails the start with the builder's
 * reason prefixed by the property's name.
 */
public final class PropertiesOntoBuilders {

    private PropertiesOntoBuilders() {}

    /**
     * The starter's own client customizer, of order {@link EsetPartnerClientCustomizer#PROPERTIES_ORDER}: it applies
     * the {@code eset.shop.*} client properties that are set, and the starter's listener of resilience events. The
     * properties are checked now, so a value the client's builders refuse fails the start naming the property.
     *
     * @param properties the starter's properties
     * @param listener receives the clients' events
     * @return the customizer
     * @throws IllegalArgumentException naming the property, when a builder refuses one
     */
    public static EsetPartnerClientCustomizer client(EsetShopProperties properties, EsetClientListener listener) {
        EsetShopProperties.Client client = properties.client();
        // each timeout alone onto a fresh builder: the builder's own check names the value it refuses
        client.connectTimeout()
                .ifPresent(timeout -> named(
                        "eset.shop.client.connect-timeout",
                        () -> EsetPartnerClient.builder().connectTimeout(timeout)));
        client.requestTimeout()
                .ifPresent(timeout -> named(
                        "eset.shop.client.request-timeout",
                        () -> EsetPartnerClient.builder().requestTimeout(timeout)));
        Optional<RetrySettings> retry = retry(properties.retry());
        Optional<CircuitBreakerSettings> breaker = breaker(properties.breaker());
        Optional<RateLimitSettings> rateLimit = rateLimit(properties.rateLimit());
        return new PropertiesCustomizer(builder -> {
            client.connectTimeout().ifPresent(builder::connectTimeout);
            client.requestTimeout().ifPresent(builder::requestTimeout);
            retry.ifPresent(builder::retry);
            breaker.ifPresent(builder::circuitBreaker);
            rateLimit.ifPresent(builder::rateLimit);
            builder.eventListener(listener);
        });
    }

    /** The properties' customizer, ordered before the host's. */
    private record PropertiesCustomizer(EsetPartnerClientCustomizer apply)
            implements EsetPartnerClientCustomizer, Ordered {
        @Override
        public void customize(EsetPartnerClient.Builder builder) {
            apply.customize(builder);
        }

        @Override
        public int getOrder() {
            return PROPERTIES_ORDER;
        }

        @Override
        public String toString() {
            return "EsetPartnerClientCustomizer[eset.shop.* properties]";
        }
    }

    /**
     * Checks the base URL as the client does, naming the property.
     *
     * @param baseUri {@code eset.shop.base-url}
     * @throws IllegalArgumentException naming the property, when the client refuses it
     */
    public static void checkBaseUrl(URI baseUri) {
        named("eset.shop.base-url", () -> EsetPartnerClient.checkBaseUri(baseUri));
    }

    /**
     * The connect timeout of the transport every reseller's client shares.
     *
     * @param properties the starter's properties
     * @return {@code eset.shop.client.connect-timeout}, or the client's default
     */
    public static Duration connectTimeout(EsetShopProperties properties) {
        return properties.client().connectTimeout().orElse(EsetPartnerClient.DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Applies the registry's properties: instance id, claim lease, sync concurrency, reminder windows.
     *
     * @param builder the registry's builder
     * @param properties the starter's properties
     * @throws IllegalArgumentException naming the property, when the builder refuses one
     */
    public static void registry(EsetShops.Builder builder, EsetShopProperties properties) {
        properties.instanceId().ifPresent(id -> named("eset.shop.instance-id", () -> builder.instance(id)));
        properties.reconcile().claimLease().ifPresent(lease -> {
            named("eset.shop.reconcile.claim-lease", () -> builder.claimLease(lease));
            Duration worstCall =
                    retry(properties.retry()).orElseGet(RetrySettings::defaults).totalBudget();
            if (lease.compareTo(worstCall) <= 0) {
                // a claim that lapses while its holder still sends lets another instance send the same order meanwhile
                throw new IllegalArgumentException("eset.shop.reconcile.claim-lease (" + lease
                        + ") must be longer than an ESET call may take with all its retries,"
                        + " eset.shop.retry.total-budget (" + worstCall + ")");
            }
        });
        properties
                .sync()
                .concurrency()
                .ifPresent(
                        concurrency -> named("eset.shop.sync.concurrency", () -> builder.syncConcurrency(concurrency)));
        properties
                .reminders()
                .windows()
                .ifPresent(windows -> named("eset.shop.reminders.windows", () -> builder.reminderWindows(windows)));
    }

    private static Optional<RetrySettings> retry(EsetShopProperties.Retry retry) {
        List<Setting<RetrySettings.Builder>> set = new ArrayList<>();
        retry.maxAttempts()
                .ifPresent(value ->
                        set.add(new Setting<>("eset.shop.retry.max-attempts", builder -> builder.maxAttempts(value))));
        retry.baseDelay()
                .ifPresent(value ->
                        set.add(new Setting<>("eset.shop.retry.base-delay", builder -> builder.baseDelay(value))));
        retry.maxDelay()
                .ifPresent(value ->
                        set.add(new Setting<>("eset.shop.retry.max-delay", builder -> builder.maxDelay(value))));
        retry.totalBudget()
                .ifPresent(value ->
                        set.add(new Setting<>("eset.shop.retry.total-budget", builder -> builder.totalBudget(value))));
        return group(RetrySettings::builder, RetrySettings.Builder::build, set);
    }

    private static Optional<CircuitBreakerSettings> breaker(EsetShopProperties.Breaker breaker) {
        List<Setting<CircuitBreakerSettings.Builder>> set = new ArrayList<>();
        breaker.slidingWindowSize()
                .ifPresent(value -> set.add(new Setting<>(
                        "eset.shop.breaker.sliding-window-size", builder -> builder.slidingWindowSize(value))));
        breaker.failureRatePercent()
                .ifPresent(value -> set.add(new Setting<>(
                        "eset.shop.breaker.failure-rate-percent", builder -> builder.failureRatePercent(value))));
        breaker.openDuration()
                .ifPresent(value -> set.add(
                        new Setting<>("eset.shop.breaker.open-duration", builder -> builder.openDuration(value))));
        breaker.halfOpenProbes()
                .ifPresent(value -> set.add(
                        new Setting<>("eset.shop.breaker.half-open-probes", builder -> builder.halfOpenProbes(value))));
        return group(CircuitBreakerSettings::builder, CircuitBreakerSettings.Builder::build, set);
    }

    private static Optional<RateLimitSettings> rateLimit(EsetShopProperties.RateLimit rateLimit) {
        List<Setting<RateLimitDraft>> set = new ArrayList<>();
        rateLimit
                .callsPerPeriod()
                .ifPresent(value -> set.add(
                        new Setting<>("eset.shop.rate-limit.calls-per-period", draft -> draft.callsPerPeriod = value)));
        rateLimit
                .period()
                .ifPresent(
                        value -> set.add(new Setting<>("eset.shop.rate-limit.period", draft -> draft.period = value)));
        rateLimit
                .maxWait()
                .ifPresent(value ->
                        set.add(new Setting<>("eset.shop.rate-limit.max-wait", draft -> draft.maxWait = value)));
        return group(RateLimitDraft::new, RateLimitDraft::build, set);
    }

    /** The rate limit's values, the defaults until a property sets one; a record has no builder to set them on. */
    private static final class RateLimitDraft {
        private int callsPerPeriod = RateLimitSettings.defaults().callsPerPeriod();
        private Duration period = RateLimitSettings.defaults().period();
        private Duration maxWait = RateLimitSettings.defaults().maxWait();

        RateLimitSettings build() {
            return new RateLimitSettings(callsPerPeriod, period, maxWait);
        }
    }

    /** One property that is set, as what it does to its builder. */
    private record Setting<B>(String property, Consumer<B> apply) {}

    /**
     * The settings with the properties that are set on the builder's defaults, or empty when none is set. When the
     * builder refuses them, the message names the properties it refuses alone, or all of them when only their
     * combination is refused (a base delay above the max delay).
     */
    private static <B, T> Optional<T> group(Supplier<B> fresh, Function<B, T> build, List<Setting<B>> set) {
        if (set.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(build.apply(onto(fresh.get(), set)));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            List<String> alone = set.stream()
                    .filter(setting -> refuses(fresh, build, setting))
                    .map(Setting::property)
                    .toList();
            String named = (alone.isEmpty()
                            ? set.stream().map(Setting::property).toList()
                            : alone)
                    .stream().collect(Collectors.joining(", "));
            throw new IllegalArgumentException(named + ": " + refused.getMessage(), refused);
        }
    }

    private static <B, T> boolean refuses(Supplier<B> fresh, Function<B, T> build, Setting<B> setting) {
        try {
            build.apply(onto(fresh.get(), List.of(setting)));
            return false;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return true;
        }
    }

    private static <B> B onto(B builder, List<Setting<B>> set) {
        set.forEach(setting -> setting.apply().accept(builder));
        return builder;
    }

    private static void named(String property, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException refused) {
            throw new IllegalArgumentException(property + ": " + refused.getMessage(), refused);
        }
    }
}
