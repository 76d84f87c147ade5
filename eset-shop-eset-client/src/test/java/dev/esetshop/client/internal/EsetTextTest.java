package dev.esetshop.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What ESET or a configuration says is shown masked: no credentials, tokens or keys, no forged log lines. */
class EsetTextTest {

    @Test
    void credentialsInUrlsAndNamedSecretsAreMasked() {
        String text = EsetText.masked("retry at https://reseller:hunter2@eset.example/api?password=hunter3&x=1,"
                + " token=abc.def, Authorization: Bearer tok-s3cr3t, key KEY9-SECR-ETXX-4242-ZZZZ,"
                + " session at-1f2e3d4c5b6a79881f2e3d4c5b6a7988");

        assertThat(text)
                .doesNotContain("hunter2", "hunter3", "abc.def", "tok-s3cr3t", "KEY9-SECR", "1f2e3d4c")
                .contains("https://***@eset.example", "password=***", "x=1", "retry at");
    }

    @Test
    void wordsAndIdsStay() {
        assertThat(EsetText.masked("quantity out of range for license 3AB-7KQ-XD2 (product EAVB)"))
                .isEqualTo("quantity out of range for license 3AB-7KQ-XD2 (product EAVB)");
    }

    @Test
    void controlCharactersCannotForgeLogLines() {
        assertThat(EsetText.masked("bad\r\nINFO forged line"))
                .doesNotContain("\n")
                .doesNotContain("\r");
    }

    @Test
    void anIdIsPrintableWithoutControlCharactersAndOtherwiseAsSent() {
        assertThat(EsetText.printable("ORD-1\r\nINFO forged\u001b[31m\u009b\u0000X\uD800"))
                .isEqualTo("ORD-1  INFO forged [31m  X\uFFFD");
        String opaque = "ORD-7F3A9C2B1D0E4F5A6B7C8D9E";
        assertThat(EsetText.printable(opaque)).isEqualTo(opaque);
        assertThat(EsetText.printable("caf\u00e9 \uD83D\uDE00")).isEqualTo("caf\u00e9 \uD83D\uDE00");
    }

    @Test
    void aUriIsShownWithoutUserInfoQueryOrFragment() {
        assertThat(EsetText.uri(URI.create("https://u:pw@partner-api-eu1.eset.example:8443/base?password=pw#pw")))
                .isEqualTo("https://***@partner-api-eu1.eset.example:8443/base?***#***");
    }
}
