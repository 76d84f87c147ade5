package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.error.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's own rate limit: a call over it waits (through the injected waiter) or fails when it would wait too long. */
class RateLimiterTest {

    private final StubEset eset = StubEset.start();
    private final FakeTime time = FakeTime.at2026();
    private final List<String> waits = new CopyOnWriteArrayList<>();
    private final EsetClientListener listener = new EsetClientListener() {
        @Override
        public void onRateLimitWait(RateLimitWait wait) {
            waits.add(wait.call());
        }
    };

    @AfterEach
    void stop() {
        eset.close();
    }

    @Test
    void aCallOverTheLimitWaitsForTheNextPeriod() {
        // Two calls per hour: the login and the first status use the hour up, so the second status waits (its
        // budget is long enough for that).
        EsetPartnerApi client = eset.client(time)
                .eventListener(listener)
                .rateLimit(new RateLimitSettings(2, Duration.ofHours(1), Duration.ofHours(2)))
                .retry(RetrySettings.builder().totalBudget(Duration.ofHours(2)).build())
                .build();

        client.partnerStatus();
        assertThat(time.waits()).isEmpty();
        client.partnerStatus();

        assertThat(time.waits())
                .singleElement()
                .satisfies(w -> assertThat(w).isBetween(Duration.ofMinutes(59), Duration.ofHours(1)));
        assertThat(waits).containsExactly("Partner/Status");
        assertThat(eset.count("Partner/Status")).isEqualTo(2);
    }

    @Test
    void aCallThatWouldWaitTooLongFailsWithoutBeingSent() {
        EsetPartnerApi client = eset.client(time)
                .rateLimit(new RateLimitSettings(2, Duration.ofHours(1), Duration.ofMinutes(1)))
                .build();
        client.partnerStatus();

        assertThatThrownBy(client::partnerStatus)
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.getMessage()).contains("Too many calls", "slow down"));
        assertThat(eset.count("Partner/Status")).isEqualTo(1);
        assertThat(time.waits()).isEmpty();
    }

    /**
     * The rate limiter would let the call wait an hour, but the call's total budget is 30 seconds: it fails at once,
     * nothing sent and nothing waited, instead of outliving its budget.
     */
    @Test
    void theWaitForTheRateLimitIsInsideTheCallsTotalBudget() {
        EsetPartnerApi client = eset.client(time)
                .rateLimit(new RateLimitSettings(2, Duration.ofHours(1), Duration.ofHours(2)))
                .retry(RetrySettings.builder()
                        .totalBudget(Duration.ofSeconds(30))
                        .build())
                .build();
        client.partnerStatus();

        assertThatThrownBy(client::partnerStatus)
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.getMessage()).contains("Too many calls", "slow down"));
        assertThat(time.waits()).isEmpty();
        assertThat(eset.count("Partner/Status")).isEqualTo(1);
    }

    @Test
    void theDefaultsAreTenCallsPerSecond() {
        RateLimitSettings defaults = RateLimitSettings.defaults();

        assertThat(defaults.callsPerPeriod()).isEqualTo(10);
        assertThat(defaults.period()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> RateLimitSettings.perSecond(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
