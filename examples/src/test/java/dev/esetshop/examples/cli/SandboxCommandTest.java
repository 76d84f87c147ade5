package dev.esetshop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad command lines of {@code ./eset-shop sandbox} end with exit status 2 before anything starts. */
class SandboxCommandTest {

    @Test
    void aRateOutsideZeroToOneIsABadCommandLine() {
        assertThat(EsetShopCli.run("sandbox", "--failure-rate", "2")).isEqualTo(2);
        assertThat(EsetShopCli.run("sandbox", "--lose-rate", "-0.1")).isEqualTo(2);
    }

    @Test
    void negativeNumbersAndUnknownFlagsAreBadCommandLines() {
        assertThat(EsetShopCli.run("sandbox", "--licenses", "-5")).isEqualTo(2);
        assertThat(EsetShopCli.run("sandbox", "--rate-limit", "-1")).isEqualTo(2);
        assertThat(EsetShopCli.run("sandbox", "--token-ttl", "0")).isEqualTo(2);
        assertThat(EsetShopCli.run("sandbox", "--port", "70000")).isEqualTo(2);
        assertThat(EsetShopCli.run("sandbox", "--no-such-flag")).isEqualTo(2);
        assertThat(EsetShopCli.run("sandbox", "--seed", "seven")).isEqualTo(2);
    }

    @Test
    void helpIsNotAnError() {
        assertThat(EsetShopCli.run("sandbox", "--help")).isZero();
    }
}
