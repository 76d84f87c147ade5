package dev.esetshop.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.Money;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.OrderResult;
import dev.esetshop.sdk.ReconcileReport;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.sdk.SyncReport;
import dev.esetshop.testkit.EsetSandbox;
import java.time.Clock;
import java.util.Currency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The SDK's values returned from a host's controller render as JSON, secrets masked (EsetShopJacksonModule). */
class JacksonModuleTest {

    private static EsetSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = EsetSandbox.builder().seed(5).licenses(4).start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** A host's controller that hands the SDK's values to Spring MVC as they are. */
    @RestController
    static class ShopController {
        private final EsetShop shop;

        ShopController(EsetShops shops) {
            this.shop = shops.shop(StarterFixtures.reseller(0));
        }

        @GetMapping("/sync")
        SyncReport sync() {
            return shop.sync();
        }

        @GetMapping("/license")
        License license() {
            shop.sync();
            return shop.renewableLicenses(LicenseFilter.all()).get(0);
        }

        @GetMapping("/quote")
        QuoteResult quote() {
            return shop.quote(NewLicenseRequest.builder()
                    .product("EAVB")
                    .seats(6)
                    .years(1)
                    .build());
        }

        @GetMapping("/order")
        OrderResult order() {
            shop.status();
            QuoteResult.Accepted quoted = (QuoteResult.Accepted) quote();
            return shop.order(
                    quoted.quote(),
                    EulaAcceptance.of(
                            "2025-01", "reseller-user", Clock.systemUTC().instant()),
                    EndCustomer.builder()
                            .organization("Muster GmbH")
                            .firstName("Anna")
                            .lastName("Muster")
                            .email("anna@muster.example")
                            .build());
        }

        @GetMapping("/reconcile")
        ReconcileReport reconcile() {
            return shop.reconcile();
        }

        @GetMapping("/money")
        Money money() {
            return Money.of("1234.50", Currency.getInstance("EUR"));
        }
    }

    private WebApplicationContextRunner host() {
        ResellerDirectory directory = StarterFixtures.directory(sandbox, 1);
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        JacksonAutoConfiguration.class,
                        HttpMessageConvertersAutoConfiguration.class,
                        WebMvcAutoConfiguration.class,
                        DispatcherServletAutoConfiguration.class,
                        EsetShopAutoConfiguration.class))
                .withBean(ResellerDirectory.class, () -> directory)
                .withUserConfiguration(ShopController.class)
                .withPropertyValues(
                        "eset.shop.base-url=" + sandbox.baseUri(),
                        "eset.shop.sync.enabled=false",
                        "eset.shop.reconcile.enabled=false");
    }

    @Test
    void theSdksValuesRenderAsJsonWithTheirSecretsMasked() {
        host().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EsetShopJacksonModule.class);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            ObjectMapper json = new ObjectMapper();

            JsonNode money = json.readTree(body(mvc, "/money"));
            assertThat(money.path("amount").asString()).isEqualTo("1234.50");
            assertThat(money.path("currency").asString()).isEqualTo("EUR");

            String licenseBody = body(mvc, "/license");
            JsonNode license = json.readTree(licenseBody);
            License first = context.getBean(EsetShops.class)
                    .shop(StarterFixtures.reseller(0))
                    .renewableLicenses(LicenseFilter.all())
                    .get(0);
            assertThat(license.path("id").asString()).isEqualTo(first.id().value());
            assertThat(license.path("productCode").isMissingNode()).isFalse();
            assertThat(license.path("customer").path("organization").asString())
                    .isEqualTo(first.customer().organization());
            assertThat(license.path("licenseKey").asString()).isEqualTo(EsetShopJacksonModule.MASK);
            assertThat(licenseBody).doesNotContain(first.licenseKey().reveal());

            JsonNode sync = json.readTree(body(mvc, "/sync"));
            assertThat(sync.properties()).isNotEmpty();

            String quoteBody = body(mvc, "/quote");
            JsonNode quote = json.readTree(quoteBody);
            assertThat(quote.path("kind").asString()).isEqualTo("Accepted");
            assertThat(quote.path("quote").path("yourPrice").path("amount").asString())
                    .as(quoteBody)
                    .matches("[0-9]+\\.[0-9]{2}");
            assertThat(quote.path("quote").path("lines").isArray())
                    .as(quoteBody)
                    .isTrue();

            String orderBody = body(mvc, "/order");
            JsonNode order = json.readTree(orderBody);
            assertThat(order.path("kind").asString()).as(orderBody).isEqualTo("Ordered");
            assertThat(order.path("orderNumber").asString()).isNotBlank();
            assertThat(order.path("license").path("licenseKey").asString()).isEqualTo(EsetShopJacksonModule.MASK);
            assertThat(orderBody).doesNotContain(sandbox.password().reveal());

            JsonNode reconcile = json.readTree(body(mvc, "/reconcile"));
            assertThat(reconcile.properties()).isNotEmpty();
        });
    }

    @Test
    void withoutTheModuleMoneyIsNotInItsExactForm() {
        // what a host gets without the module: Jackson writes the record its own way, the amount as a JSON number (a
        // client may read it as a binary double) and isNegative() and isZero() as properties of their own
        ObjectMapper plain = new ObjectMapper();
        Money money = Money.of("1.00", Currency.getInstance("EUR"));
        assertThat(plain.writeValueAsString(money))
                .isEqualTo("{\"amount\":1.00,\"currency\":\"EUR\",\"negative\":false,\"zero\":false}");
        assertThat(plain.rebuild()
                        .addModule(new EsetShopJacksonModule())
                        .build()
                        .writeValueAsString(money))
                .isEqualTo("{\"amount\":\"1.00\",\"currency\":\"EUR\"}");
    }

    private static String body(MockMvc mvc, String path) throws Exception {
        var result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(path + ": " + result.getResponse().getContentAsString())
                .isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
