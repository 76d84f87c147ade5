package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.ClientClosedException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client releases the threads it owns on close, closing twice is harmless, and a later call is typed. */
class ClosingTest {

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void closeEndsTheClientsOwnThreads() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        EsetPartnerClient client = eset.client(time).build();
        client.partnerStatus();
        List<Thread> own = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.getName().startsWith("eset-client-"))
                .toList();
        assertThat(own).as("the call ran on the client's own threads").isNotEmpty();

        client.close();

        assertThat(own).noneMatch(Thread::isAlive);
        assertThatCode(client::close).as("closing twice").doesNotThrowAnyException();
    }

    @Test
    void aCallAfterCloseIsClientClosedAndSendsNothing() {
        EsetPartnerClient client = eset.client(time).build();
        client.close();

        assertThatThrownBy(() -> client.licenseDetail(LicenseId.of("3AB-7KQ-XD2")))
                .isInstanceOfSatisfying(ClientClosedException.class, e -> {
                    assertThat(e.code()).isEqualTo("CLIENT_CLOSED");
                    assertThat(e.getMessage()).contains("closed", "License/Detail");
                });
        assertThat(eset.requests()).isEmpty();
    }

    @Test
    void anExecutorGivenByTheCallerStaysTheCallers() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            EsetPartnerClient client = eset.client(time).executor(executor).build();
            client.partnerStatus();

            client.close();

            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theClientIsClosedThroughItsInterfaceToo() {
        EsetPartnerApi api = eset.client(time).build();
        api.close();

        assertThatThrownBy(api::partnerStatus).isInstanceOf(ClientClosedException.class);
    }
}
