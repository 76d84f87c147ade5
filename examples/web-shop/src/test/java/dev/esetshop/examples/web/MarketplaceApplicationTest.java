package dev.esetshop.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Issue 19 §6: without the {@code demo} profile the application holds only what a marketplace writes (its
 * {@code ResellerDirectory} and log-ins, {@code eset.shop.*}): no sandbox, no demo reseller, no demo log-in.
 */
class MarketplaceApplicationTest {

    private static final ResellerId RESELLER = ResellerId.of("marketplace-reseller-1");

    /** What a marketplace writes; a source of the test's application only (not a scanned component). */
    static class Marketplace {

        @Bean
        ResellerDirectory resellerDirectory() {
            return new ResellerDirectory() {
                @Override
                public Optional<ResellerAccount> account(ResellerId reseller) {
                    return RESELLER.equals(reseller)
                            ? Optional.of(ResellerAccount.of("api-user", Secret.of("api-password")))
                            : Optional.empty();
                }

                @Override
                public Iterable<ResellerId> resellers() {
                    return List.of(RESELLER);
                }
            };
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername(RESELLER.value())
                    .password("{noop}secret")
                    .roles("RESELLER")
                    .build());
        }
    }

    @Test
    void withoutTheDemoProfileTheShopHoldsOnlyWhatTheMarketplaceWrites() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        WebShopApplication.class, Marketplace.class)
                .run(WebShopApplication.springArguments(
                        "--port",
                        "0",
                        // a partner API nobody answers: nothing is synced, reconciled or reminded by a timer here
                        "--eset.shop.base-url=http://127.0.0.1:9",
                        "--eset.shop.sync.enabled=false",
                        "--eset.shop.reconcile.enabled=false",
                        "--eset.shop.reminders.enabled=false",
                        "--spring.datasource.url=jdbc:h2:mem:marketplace-" + UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1"))) {
            assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain(WebShopApplication.DEMO_PROFILE);
            assertThat(context.getBeansOfType(DemoResellers.class)).isEmpty();
            assertThat(context.getBeansOfType(DemoResellers.Sandboxes.class)).isEmpty();
            assertThat(context.getBean(ResellerDirectory.class).resellers()).containsExactly(RESELLER);
            assertThat(context.getBean(EsetShops.class).shop(RESELLER)).isNotNull();
            UserDetailsService users = context.getBean(UserDetailsService.class);
            assertThat(users.loadUserByUsername(RESELLER.value()).getUsername()).isEqualTo(RESELLER.value());
            assertThatThrownBy(() -> users.loadUserByUsername(DemoResellers.RESELLER_A.value()))
                    .isInstanceOf(UsernameNotFoundException.class);
        }
    }
}
