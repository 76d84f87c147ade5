package dev.esetshop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.EsetShops;
import dev.esetshop.spring.test.AutoConfigureEsetSandbox;
import dev.esetshop.testkit.EsetSandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** A host's test with {@code @AutoConfigureEsetSandbox}: the starter runs against a sandbox of its own. */
@SpringBootTest(
        classes = SandboxHelperTest.Host.class,
        properties = {"eset.shop.sync.enabled=false", "eset.shop.reconcile.enabled=false"})
@AutoConfigureEsetSandbox(
        resellers = {"acme", "globex"},
        licenses = 7,
        seed = 3)
class SandboxHelperTest {

    /** The host: only the starter's auto-configuration. */
    @SpringBootConfiguration
    @ImportAutoConfiguration(EsetShopAutoConfiguration.class)
    static class Host {}

    @Autowired
    EsetShops shops;

    @Autowired
    EsetSandbox sandbox;

    @Autowired
    EsetShopProperties properties;

    @Test
    void theStarterRunsAgainstTheSandboxForTheAnnotatedResellers() {
        assertThat(properties.baseUrl()).contains(sandbox.baseUri());
        assertThat(shops.shop(ResellerId.of("acme")).sync().added()).isEqualTo(7);
        assertThat(shops.shop(ResellerId.of("globex")).status().partnerId()).isNotBlank();
    }
}
