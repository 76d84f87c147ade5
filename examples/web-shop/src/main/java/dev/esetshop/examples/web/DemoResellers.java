package dev.esetshop.examples.web;

import dev.esetshop.client.EsetPartnerClient;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.spring.EsetPartnerApiFactory;
import dev.esetshop.spring.EsetPartnerClientCustomizer;
import dev.esetshop.testkit.EsetSandbox;
import dev.esetshop.testkit.SandboxPartner;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo marketplace, in the {@code demo} profile only ({@code ./eset-shop web} switches it on): two resellers, each
 * an ESET partner served by its own embedded sandbox (a sandbox serves one partner), and their log-ins; the first
 * writes English, the second (Alpen Security AG) German. A real marketplace writes only the {@link ResellerDirectory}
 * bean, on its own database and vault, and its log-ins; the starter does the rest with {@code eset.shop.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@Profile(WebShopApplication.DEMO_PROFILE)
class DemoResellers {

    /** The demo log-in password of both resellers. */
    static final String DEMO_PASSWORD = "demo";

    static final ResellerId RESELLER_A = ResellerId.of("reseller-a");
    static final ResellerId RESELLER_B = ResellerId.of("reseller-b");

    /** One sandbox per demo reseller, started with the application and closed with it. */
    record Sandboxes(Map<ResellerId, EsetSandbox> byReseller) implements AutoCloseable {
        @Override
        public void close() {
            byReseller.values().forEach(EsetSandbox::close);
        }
    }

    @Bean(destroyMethod = "close")
    Sandboxes sandboxes() {
        Map<ResellerId, EsetSandbox> sandboxes = new LinkedHashMap<>();
        sandboxes.put(
                RESELLER_A,
                EsetSandbox.builder()
                        .seed(1001)
                        .licenses(60)
                        .partner(SandboxPartner.demo())
                        .start());
        sandboxes.put(
                RESELLER_B,
                EsetSandbox.builder()
                        .seed(2002)
                        .licenses(35)
                        .partner(SandboxPartner.builder()
                                .partnerId("ESET-P-208871")
                                .companyName("Alpen Security AG")
                                .email("office@alpensec.example")
                                .level(PartnerLevel.SILVER)
                                .margin(new BigDecimal("0.18"))
                                .build())
                        .start());
        return new Sandboxes(Map.copyOf(sandboxes));
    }

    /** The marketplace's directory: reseller id to ESET credentials (from a vault, in a real marketplace). */
    @Bean
    ResellerDirectory resellerDirectory(Sandboxes sandboxes) {
        Map<ResellerId, ResellerAccount> accounts = new LinkedHashMap<>();
        accounts.put(RESELLER_A, account(sandboxes.byReseller().get(RESELLER_A)).withCustomerNumber("MP-10001"));
        accounts.put(
                RESELLER_B,
                account(sandboxes.byReseller().get(RESELLER_B))
                        .withCustomerNumber("MP-10002")
                        .withLocale(Locale.GERMAN));
        return new ResellerDirectory() {
            @Override
            public Optional<ResellerAccount> account(ResellerId reseller) {
                return Optional.ofNullable(accounts.get(reseller));
            }

            @Override
            public Iterable<ResellerId> resellers() {
                return accounts.keySet();
            }
        };
    }

    /**
     * Each demo reseller's client goes to its own sandbox; the two accounts differ by customer number (both sandboxes
     * use the same demo credentials). The starter's settings (its customizer of the eset.shop.* properties and
     * metrics) and any other customizer still apply, in their order.
     */
    @Bean
    EsetPartnerApiFactory esetPartnerApiFactory(
            Sandboxes sandboxes, ObjectProvider<EsetPartnerClientCustomizer> customizers, ResellerDirectory directory) {
        List<EsetPartnerClientCustomizer> ordered = customizers.orderedStream().toList();
        Map<String, URI> byCustomerNumber = new LinkedHashMap<>();
        for (ResellerId reseller : directory.resellers()) {
            directory
                    .account(reseller)
                    .flatMap(ResellerAccount::marketplaceCustomerNumber)
                    .ifPresent(number -> byCustomerNumber.put(
                            number, sandboxes.byReseller().get(reseller).baseUri()));
        }
        return account -> {
            EsetPartnerClient.Builder builder = EsetPartnerClient.builder()
                    .baseUri(account.marketplaceCustomerNumber()
                            .map(byCustomerNumber::get)
                            .orElseThrow())
                    .credentials(account.username(), account.password());
            ordered.forEach(customizer -> customizer.customize(builder));
            return builder.build();
        };
    }

    /** The marketplace's log-ins: one user per reseller, named by the reseller's id. */
    @Bean
    UserDetailsService users() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(
                User.withUsername(RESELLER_A.value())
                        .password(encoder.encode(DEMO_PASSWORD))
                        .roles("RESELLER")
                        .build(),
                User.withUsername(RESELLER_B.value())
                        .password(encoder.encode(DEMO_PASSWORD))
                        .roles("RESELLER")
                        .build());
    }

    private static ResellerAccount account(EsetSandbox sandbox) {
        return ResellerAccount.of(sandbox.username(), sandbox.password());
    }
}
