package dev.esetshop.spring.test;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.testkit.EsetSandbox;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Spring's test framework calls it for every test class ({@code META-INF/spring.factories}); it acts on those
 * annotated {@link AutoConfigureEsetSandbox}.
 */
public final class EsetSandboxContextCustomizerFactory implements ContextCustomizerFactory {

    /** Made by Spring's test framework. */
    public EsetSandboxContextCustomizerFactory() {}

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureEsetSandbox annotation =
                AnnotatedElementUtils.findMergedAnnotation(testClass, AutoConfigureEsetSandbox.class);
        return annotation == null
                ? null
                : new SandboxCustomizer(annotation.seed(), annotation.licenses(), List.of(annotation.resellers()));
    }

    /** Equal for equal settings, so Spring's test context cache shares one context (and sandbox) between them. */
    private record SandboxCustomizer(long seed, int licenses, List<String> resellers) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            EsetSandbox sandbox =
                    EsetSandbox.builder().seed(seed).licenses(licenses).start();
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    sandbox.close();
                }
            });
            context.getBeanFactory().registerSingleton("esetSandbox", sandbox);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "esetSandbox",
                            Map.of("eset.shop.base-url", sandbox.baseUri().toString())));
            if (!resellers.isEmpty()) {
                context.getBeanFactory().registerSingleton("esetSandboxResellers", directory(sandbox));
            }
        }

        private ResellerDirectory directory(EsetSandbox sandbox) {
            Map<ResellerId, ResellerAccount> accounts = new LinkedHashMap<>();
            resellers.forEach(
                    id -> accounts.put(ResellerId.of(id), ResellerAccount.of(sandbox.username(), sandbox.password())));
            return new ResellerDirectory() {
                @Override
                public Optional<ResellerAccount> account(ResellerId reseller) {
                    return Optional.ofNullable(accounts.get(reseller));
                }

                @Override
                public Iterable<ResellerId> resellers() {
                    return accounts.keySet();
                }

                @Override
                public String toString() {
                    return "ResellerDirectory"
                            + Arrays.toString(accounts.keySet().toArray()) + " on the sandbox";
                }
            };
        }
    }
}
