package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.client.StubEset.Reply;
import dev.esetshop.core.error.CircuitOpenException;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's typed events: every call's start and end, retries, breaker changes; a throwing listener is ignored. */
class ClientEventsTest {

    private static final Reply UNAVAILABLE = Reply.error(503, 99, 0, "maintenance");

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<EsetCallEnded> ended = new CopyOnWriteArrayList<>();

    private final EsetClientListener recording = new EsetClientListener() {
        @Override
        public WorkScope onCallStarted(String call) {
            seen.add("start " + call);
            return outcome -> seen.add("end " + call + " " + outcome);
        }

        @Override
        public void onCallEnded(EsetCallEnded call) {
            ended.add(call);
        }

        @Override
        public void onRetry(EsetRetry retry) {
            seen.add("retry " + retry.call() + "#" + retry.attempt());
        }
    };

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void aCallEndsWithItsOutcomeAttemptsAndTheDurationOnTheClientsClock() {
        eset.script("Partner/Status", UNAVAILABLE, UNAVAILABLE);
        EsetPartnerApi client = eset.client(time).eventListener(recording).build();

        client.partnerStatus();

        Duration waited = time.waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isPositive();
        // the login is a call of its own, started and ended inside the call it serves
        assertThat(ended)
                .containsExactly(
                        new EsetCallEnded("Token/Get", EsetCallEnded.SUCCESS, 1, Duration.ZERO),
                        new EsetCallEnded("Partner/Status", EsetCallEnded.SUCCESS, 3, waited));
        assertThat(seen)
                .containsExactly(
                        "start Partner/Status",
                        "start Token/Get",
                        "end Token/Get success",
                        "retry Partner/Status#1",
                        "retry Partner/Status#2",
                        "end Partner/Status success");
    }

    @Test
    void aFailedCallEndsWithTheStableCodeOfItsTypedFailure() {
        eset.on("Partner/Status", request -> UNAVAILABLE);
        EsetPartnerApi client = eset.client(time)
                .eventListener(recording)
                .retry(RetrySettings.builder().maxAttempts(2).build())
                .build();

        assertThatThrownBy(client::partnerStatus).isInstanceOf(EsetUnavailableException.class);

        EsetCallEnded status = ended.get(ended.size() - 1);
        assertThat(status.call()).isEqualTo("Partner/Status");
        assertThat(status.outcome()).isEqualTo(EsetUnavailableException.CODE);
        assertThat(status.attempts()).isEqualTo(2);
        assertThat(status.succeeded()).isFalse();
        assertThat(seen).endsWith("end Partner/Status " + EsetUnavailableException.CODE);
    }

    @Test
    void aCallRefusedByTheOpenBreakerEndsWithNoAttempt() {
        List<BreakerTransition> transitions = new CopyOnWriteArrayList<>();
        EsetPartnerApi client = eset.client(time)
                .retry(RetrySettings.builder().maxAttempts(1).build())
                .circuitBreaker(CircuitBreakerSettings.builder()
                        .slidingWindowSize(2)
                        .minimumCalls(2)
                        .failureRatePercent(50)
                        .build())
                .eventListener(new EsetClientListener() {
                    @Override
                    public void onCallEnded(EsetCallEnded call) {
                        ended.add(call);
                    }

                    @Override
                    public void onCircuitStateChange(BreakerTransition transition) {
                        transitions.add(transition);
                    }
                })
                .build();
        client.partnerStatus();
        eset.on("Partner/Status", request -> UNAVAILABLE);
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(client::partnerStatus).isInstanceOf(EsetApiException.class);
        }

        assertThat(transitions).containsExactly(new BreakerTransition("CLOSED", "OPEN"));
        assertThat(transitions.get(0).opened()).isTrue();
        EsetCallEnded refused = ended.get(ended.size() - 1);
        assertThat(refused.attempts()).isZero();
        assertThat(refused.outcome()).isEqualTo(CircuitOpenException.CODE);
    }

    @Test
    void aListenerThatThrowsEverywhereNeverBreaksACall() {
        eset.script("Partner/Status", UNAVAILABLE);
        EsetClientListener throwing = new EsetClientListener() {
            @Override
            public WorkScope onCallStarted(String call) {
                seen.add("start " + call);
                return outcome -> {
                    throw new IllegalStateException("scope of " + call);
                };
            }

            @Override
            public void onCallEnded(EsetCallEnded call) {
                seen.add("end " + call.call());
                throw new IllegalStateException("ended");
            }

            @Override
            public void onRetry(EsetRetry retry) {
                seen.add("retry");
                throw new IllegalStateException("retry");
            }
        };
        EsetPartnerApi client = eset.client(time).eventListener(throwing).build();

        assertThat(client.partnerStatus().partnerId()).isEqualTo("P-100");
        assertThat(eset.count("Partner/Status")).isEqualTo(2);
        assertThat(seen)
                .containsExactly(
                        "start Partner/Status", "start Token/Get", "end Token/Get", "retry", "end Partner/Status");
    }
}
