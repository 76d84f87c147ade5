package dev.esetshop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token/Get and Token/Renew, and token lifetimes on the sandbox's clock. */
class TokenCallsTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-24T10:00:00Z"));
    private EsetSandbox sandbox;
    private WireClient client;

    @BeforeEach
    void start() {
        sandbox = EsetSandbox.builder().seed(3).licenses(5).clock(clock).start();
        client = new WireClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void logsInWithTheDemoCredentialsAndGetsTokensWithTheDefaultLifetime() {
        WireClient.Reply reply = client.login();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("accessToken").asString()).isNotBlank();
        assertThat(reply.body().path("refreshToken").asString()).isNotBlank();
        assertThat(reply.body().path("expiresIn").asInt()).isEqualTo(60);
        assertThat(sandbox.username()).isEqualTo("reseller@sandbox.example");
        assertThat(sandbox.password().reveal()).isEqualTo("sandbox-demo");
        assertThat(sandbox.password()).hasToString("******");
    }

    @Test
    void refusesAWrongPasswordWith401Code1() {
        WireClient.Reply reply = client.post(
                "/api/Token/Get",
                WireClient.object().put("username", EsetSandbox.DEMO_USERNAME).put("password", "guess"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(1);
        assertThat(reply.body().path("message").asString()).contains("username or password");
    }

    @Test
    void refusesALoginWithoutFieldsAs400() {
        WireClient.Reply reply =
                client.post("/api/Token/Get", WireClient.object().put("username", 42));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4);
    }

    @Test
    void accessTokenExpiresAfterItsLifetimeAndRenewGivesAWorkingOne() {
        client.login();
        assertThat(client.post("/api/Partner/Status", WireClient.object()).status())
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(59));
        assertThat(client.post("/api/Partner/Status", WireClient.object()).status())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        WireClient.Reply expired = client.post("/api/Partner/Status", WireClient.object());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo(2);

        WireClient.Reply renewed =
                client.post("/api/Token/Renew", WireClient.object().put("refreshToken", client.refreshToken()));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.body().path("accessToken").asString()).isNotEqualTo(client.accessToken());
    }

    @Test
    void aRefreshTokenIsUsedOnceAndDiesWithTheSession() {
        client.login();
        String first = client.refreshToken();
        WireClient.Reply renewed =
                client.post("/api/Token/Renew", WireClient.object().put("refreshToken", first));
        assertThat(renewed.status()).isEqualTo(200);

        WireClient.Reply reused =
                client.post("/api/Token/Renew", WireClient.object().put("refreshToken", first));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(30));
        WireClient.Reply afterSession = client.post(
                "/api/Token/Renew",
                WireClient.object()
                        .put("refreshToken", renewed.body().path("refreshToken").asString()));
        assertThat(afterSession.status()).isEqualTo(401);
        assertThat(afterSession.code()).isEqualTo(3);
    }

    @Test
    void shortTokenLifetimeIsAFault() {
        sandbox.setFaults(
                SandboxFaults.builder().tokenTtl(Duration.ofSeconds(2)).build());
        WireClient.Reply login = client.login();
        assertThat(login.body().path("expiresIn").asInt()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(2));

        assertThat(client.post("/api/Partner/Status", WireClient.object()).status())
                .isEqualTo(401);
    }

    @Test
    void dataCallsWithoutATokenAre401() {
        WireClient.Reply reply = client.post(
                "/api/Search/Licenses", WireClient.object().put("skip", 0).put("take", 10));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(2);
        assertThat(reply.header("X-Request-Id")).isPresent();
    }
}
