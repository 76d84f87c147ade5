package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One annotation gives a test class a started sandbox, the same one in every method, closed after the class. */
@WithEsetSandbox(licenses = 42, seed = 13, malformedRecords = 2)
class EsetSandboxExtensionTest {

    private static EsetSandbox fromBeforeAll;

    @BeforeAll
    static void remember(EsetSandbox sandbox) {
        fromBeforeAll = sandbox;
    }

    @Test
    void injectsAStartedSandboxConfiguredByTheAnnotation(EsetSandbox sandbox) {
        WireClient client = new WireClient(sandbox);

        assertThat(client.login().status()).isEqualTo(200);
        assertThat(sandbox.licenseCount()).isEqualTo(42);
        assertThat(sandbox.licenses()).hasSize(40);
    }

    @Test
    void theSameSandboxServesTheWholeClass(EsetSandbox sandbox) {
        assertThat(sandbox).isSameAs(fromBeforeAll);
    }

    @AfterAll
    static void stillOpenUntilTheExtensionClosesIt() {
        assertThat(new WireClient(fromBeforeAll).login().status()).isEqualTo(200);
    }
}
