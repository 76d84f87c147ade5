package dev.esetshop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.esetshop.core.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code build()} checks the configuration; plain http only on loopback; the settings' defaults and rules. */
class BuilderTest {

    private static final Secret PASSWORD = Secret.of("pw");

    @Test
    void aMissingBaseUriOrCredentialsIsAClearError() {
        assertThatThrownBy(() ->
                        EsetPartnerClient.builder().credentials("u", PASSWORD).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("baseUri(URI)");
        assertThatThrownBy(() -> EsetPartnerClient.builder()
                        .baseUri(URI.create("https://eset.example"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials(username, password)");
        assertThatThrownBy(() -> EsetPartnerClient.builder()
                        .baseUri(URI.create("https://eset.example"))
                        .credentials(" ", PASSWORD)
                        .build())
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://eset.example",
                "http://10.0.0.1:8080",
                "http://localhost.evil.example",
                "http://127.0.0.1.nip.io",
                "ftp://eset.example",
                "/relative",
                "http:///nohost"
            })
    void plainHttpIsRefusedOffLoopback(String uri) {
        assertThatThrownBy(() -> builder(uri).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(uri.startsWith("http://") && !uri.contains("///") ? "https://" : "URL");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://partner-api.eset.example",
                "http://127.0.0.1:1",
                "http://127.9.8.7",
                "http://[::1]:8080",
                "http://localhost:9",
                "http://LOCALHOST"
            })
    void httpsAndLoopbackAreAccepted(String uri) {
        assertThatCode(() -> builder(uri).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://reseller:hunter2@eset.example",
                "https://hunter2@eset.example/api",
                "https://eset.example/?password=hunter2",
                "https://eset.example/base?x=1",
                "https://eset.example#hunter2",
                "http://user:hunter2@127.0.0.1:8080"
            })
    void aBaseUriWithUserInfoQueryOrFragmentIsRefusedWithoutEchoingIt(String uri) {
        assertThatThrownBy(() -> builder(uri).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(uri.contains("@") ? "user info" : "query")
                .hasMessageContaining("eset.example".equals(URI.create(uri).getHost()) ? "eset.example" : "127.0.0.1")
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("x=1"));
    }

    @Test
    void theClientShowsItsBaseButNoCredentials() {
        EsetPartnerApi client = EsetPartnerClient.builder()
                .baseUri(URI.create("https://eset.example"))
                .credentials("reseller", Secret.of("hunter2"))
                .build();

        assertThat(client.toString()).contains("https://eset.example").doesNotContain("hunter2");
    }

    @Test
    void theResponseSizeCapMustBePositive() {
        assertThatThrownBy(() -> EsetPartnerClient.builder().maxResponseSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseSize");
        assertThat(EsetPartnerClient.DEFAULT_MAX_RESPONSE_SIZE).isEqualTo(4L * 1024 * 1024);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> EsetPartnerClient.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsetPartnerClient.builder().connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsetPartnerClient.builder().tokenRenewalMargin(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        RetrySettings retry = RetrySettings.defaults();
        CircuitBreakerSettings breaker = CircuitBreakerSettings.defaults();

        assertThat(retry.maxAttempts()).isEqualTo(6);
        assertThat(retry.baseDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.maxDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.totalBudget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.jitterSeed()).isEmpty();
        assertThat(breaker.slidingWindowSize()).isEqualTo(20);
        assertThat(breaker.minimumCalls()).isEqualTo(20);
        assertThat(breaker.failureRatePercent()).isEqualTo(50);
        assertThat(breaker.openDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(breaker.halfOpenProbes()).isEqualTo(3);
    }

    @Test
    void settingsRefuseNonsense() {
        assertThatThrownBy(() -> RetrySettings.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySettings.builder()
                        .baseDelay(Duration.ofSeconds(20))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(
                        () -> RetrySettings.builder().totalBudget(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        CircuitBreakerSettings.builder().failureRatePercent(101).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> CircuitBreakerSettings.builder().halfOpenProbes(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EsetPartnerClient.Builder builder(String uri) {
        return EsetPartnerClient.builder().baseUri(URI.create(uri)).credentials("reseller", PASSWORD);
    }
}
