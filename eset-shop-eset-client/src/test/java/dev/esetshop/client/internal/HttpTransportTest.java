package dev.esetshop.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading Retry-After: seconds are obeyed, anything else leaves the wait to the back-off. */
class HttpTransportTest {

    @Test
    void retryAfterInSecondsIsRead() {
        assertThat(HttpTransport.retryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(HttpTransport.retryAfter(" 0 ")).contains(Duration.ZERO);
    }

    @Test
    void otherRetryAfterFormsAreIgnored() {
        assertThat(HttpTransport.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
        assertThat(HttpTransport.retryAfter("-3")).isEmpty();
        assertThat(HttpTransport.retryAfter("")).isEmpty();
    }
}
