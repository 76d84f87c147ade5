package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.esetshop.client.HostileServer.Mode;
import dev.esetshop.client.StubEset.Reply;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.EsetTimeoutException;
import dev.esetshop.core.error.ResponseTooLargeException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hostile ESET cannot hang the caller or exhaust its memory: a body is read up to a cap, headers and body within
 * the request timeout, and the whole call, a re-login on the way included, within the retry budget. The timeouts
 * are short and the servers simply stop sending, so each test ends in well under a second.
 */
class BoundedAnswersTest {

    private static final Duration GUARD = Duration.ofSeconds(10);

    private final FakeTime time = FakeTime.at2026();
    private final CountDownLatch release = new CountDownLatch(1);
    private HostileServer hostile;
    private StubEset eset;

    @AfterEach
    void stop() {
        release.countDown();
        if (hostile != null) {
            hostile.close();
        }
        if (eset != null) {
            eset.close();
        }
    }

    private EsetPartnerClient.Builder client(HostileServer server) {
        return EsetPartnerClient.builder()
                .baseUri(server.uri())
                .credentials(StubEset.USERNAME, Secret.of(StubEset.PASSWORD))
                .clock(time)
                .waiter(time)
                .retry(RetrySettings.builder().maxAttempts(2).jitterSeed(42L).build());
    }

    /** Headers that never come are the JDK's request timeout; a body that stops half way is the client's watch. */
    @ParameterizedTest
    @EnumSource(
            value = Mode.class,
            names = {"STALL_HEADERS", "STALL_BODY"})
    void aStalledAnswerEndsAtTheRequestTimeout(Mode stall) throws InterruptedException {
        hostile = new HostileServer(stall);
        try (EsetPartnerClient client =
                client(hostile).requestTimeout(Duration.ofMillis(200)).build()) {
            Throwable thrown = assertTimeoutPreemptively(GUARD, () -> catchThrowable(client::partnerStatus));

            assertThat(thrown).isInstanceOfSatisfying(EsetTimeoutException.class, e -> {
                assertThat(e.code()).isEqualTo("ESET_TIMEOUT");
                assertThat(e.attempts()).isEqualTo(2);
                assertThat(e.getMessage()).contains("Token/Get", "in time");
            });
        }
        assertThat(hostile.awaitRequests(2)).as("the server read both attempts").isTrue();
        assertThat(hostile.requests()).isEqualTo(2);
    }

    /**
     * Clients that share one HTTP client (a marketplace's resellers) end a trickled body all the same, and share one
     * deadline thread instead of one each.
     */
    @Test
    void clientsSharingAnHttpClientEndATrickledBodyWithOneSharedDeadlineThread() {
        hostile = new HostileServer(Mode.STALL_BODY);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        HttpClient shared = HttpClient.newHttpClient();
        List<EsetPartnerClient> resellers = new ArrayList<>();
        List<String> deadlineThreads;
        try {
            for (int reseller = 0; reseller < 3; reseller++) {
                EsetPartnerClient client = client(hostile)
                        .httpClient(shared)
                        .requestTimeout(Duration.ofMillis(200))
                        .build();
                resellers.add(client);
                Throwable thrown = assertTimeoutPreemptively(GUARD, () -> catchThrowable(client::partnerStatus));

                assertThat(thrown).isInstanceOf(EsetTimeoutException.class);
            }
            deadlineThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread))
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("eset-client-deadlines-"))
                    .toList();
        } finally {
            resellers.forEach(EsetPartnerClient::close);
        }
        assertThat(deadlineThreads)
                .as("deadline threads started for three clients")
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void anEndlessBodyIsCutAtTheSizeCap() {
        hostile = new HostileServer(Mode.FLOOD);
        try (EsetPartnerClient client =
                client(hostile).maxResponseSize(64 * 1024).build()) {
            Throwable thrown = assertTimeoutPreemptively(GUARD, () -> catchThrowable(client::partnerStatus));

            assertThat(thrown).isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
                assertThat(e.code()).isEqualTo("ESET_RESPONSE_TOO_LARGE");
                assertThat(e.getMessage()).contains("65536 bytes");
                assertThat(e.attempts()).isEqualTo(1);
            });
        }
        assertThat(hostile.requests()).as("a flood is not asked for again").isEqualTo(1);
    }

    @Test
    void aDeclaredHugeBodyIsRefusedBeforeReadingIt() {
        hostile = new HostileServer(Mode.HUGE_LENGTH);
        try (EsetPartnerClient client = client(hostile).build()) {
            Throwable thrown = assertTimeoutPreemptively(GUARD, () -> catchThrowable(client::partnerStatus));

            assertThat(thrown)
                    .isInstanceOf(ResponseTooLargeException.class)
                    .hasMessageContaining(EsetPartnerClient.DEFAULT_MAX_RESPONSE_SIZE + " bytes");
        }
    }

    @Test
    void theBudgetBoundsTheWholeCallReLoginIncluded() {
        eset = StubEset.start();
        try (EsetPartnerClient client = eset.client(time)
                .requestTimeout(Duration.ofSeconds(30))
                .retry(RetrySettings.builder()
                        .maxAttempts(2)
                        .totalBudget(Duration.ofSeconds(30))
                        .maxRetryAfter(Duration.ofSeconds(30))
                        .jitterSeed(42L)
                        .build())
                .build()) {
            assertThat(client.partnerStatus().partnerId()).isEqualTo("P-100");
            // 29 s of the 30 s budget go to a Retry-After; then the token is refused (401) and the login that
            // follows never answers: it may only spend the one second left, not a budget of its own.
            eset.script(
                    "Partner/Status",
                    Reply.error(503, 12, 0, "busy").retryAfter(Duration.ofSeconds(29)),
                    Reply.error(401, 3, 0, "token expired"));
            eset.on("Token/Get", request -> {
                await(release);
                return Reply.error(503, 99, 0, "too late");
            });

            Throwable thrown = assertTimeoutPreemptively(GUARD, () -> catchThrowable(client::partnerStatus));

            assertThat(thrown).isInstanceOf(EsetTimeoutException.class).hasMessageContaining("Token/Get");
        }
        assertThat(time.waits()).startsWith(Duration.ofSeconds(29));
        assertThat(eset.count("Token/Get")).isBetween(2, 3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
