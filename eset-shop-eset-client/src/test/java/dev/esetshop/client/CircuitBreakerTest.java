package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.StubEset.Reply;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.error.CircuitOpenException;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.core.error.LicenseNotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker opens on 5xx failures only, fails fast while open, and probes after its open time (fake clock). */
class CircuitBreakerTest {

    private static final CircuitBreakerSettings SMALL = CircuitBreakerSettings.builder()
            .slidingWindowSize(4)
            .failureRatePercent(50)
            .openDuration(Duration.ofSeconds(30))
            .halfOpenProbes(2)
            .build();

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();
    private final List<String> transitions = new CopyOnWriteArrayList<>();
    private final EsetPartnerApi client = eset.client(time)
            .retry(RetrySettings.builder().maxAttempts(1).build())
            .circuitBreaker(SMALL)
            .eventListener(new EsetClientListener() {
                @Override
                public void onCircuitStateChange(BreakerTransition transition) {
                    transitions.add(transition.from() + "->" + transition.to());
                }
            })
            .build();

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void opensAtTheFailureRateAndThenFailsFastWithoutSending() {
        eset.on("Partner/Status", request -> Reply.error(503, 0, 0, ""));

        // Window of 4: the login succeeded, then three 503s make 75 % failures.
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(client::partnerStatus).isInstanceOf(EsetUnavailableException.class);
        }
        assertThatThrownBy(client::partnerStatus).isInstanceOfSatisfying(CircuitOpenException.class, e -> {
            assertThat(e.httpStatus()).isZero();
            assertThat(e.getMessage()).contains("try again");
        });

        assertThat(eset.count("Partner/Status")).isEqualTo(3);
        assertThat(transitions).containsExactly("CLOSED->OPEN");
    }

    @Test
    void halfOpenProbesCloseItAgainAfterTheOpenTime() {
        eset.script(
                "Partner/Status", Reply.error(500, 0, 0, ""), Reply.error(500, 0, 0, ""), Reply.error(500, 0, 0, ""));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(client::partnerStatus).isInstanceOf(EsetUnavailableException.class);
        }
        time.advance(Duration.ofSeconds(29));
        assertThatThrownBy(client::partnerStatus).isInstanceOf(CircuitOpenException.class);

        time.advance(Duration.ofSeconds(2));
        client.partnerStatus();
        client.partnerStatus();
        client.partnerStatus();

        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
        assertThat(eset.count("Partner/Status")).isEqualTo(6);
    }

    @Test
    void aFailedProbeOpensItAgain() {
        eset.on("Partner/Status", request -> Reply.error(502, 0, 0, ""));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(client::partnerStatus).isInstanceOf(EsetUnavailableException.class);
        }
        time.advance(Duration.ofSeconds(31));
        assertThatThrownBy(client::partnerStatus).isInstanceOf(EsetUnavailableException.class);
        assertThatThrownBy(client::partnerStatus).isInstanceOf(EsetUnavailableException.class);
        assertThatThrownBy(client::partnerStatus).isInstanceOf(CircuitOpenException.class);

        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN");
    }

    @Test
    void refusalsDoNotOpenIt() {
        eset.on("License/Detail", request -> Reply.error(404, 4, 0, "no such license"));
        for (int i = 0; i < 10; i++) {
            LicenseId id = LicenseId.of("NOPE-" + i);
            assertThatThrownBy(() -> client.licenseDetail(id)).isInstanceOf(LicenseNotFoundException.class);
        }
        assertThat(eset.count("License/Detail")).isEqualTo(10);
        assertThat(transitions).isEmpty();
    }
}
