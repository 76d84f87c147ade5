package dev.esetshop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ChaosCommandTest {

    @Test
    void chaosEndsWithTheCountsAndExitsZeroWhenEveryOrderHasOneLicense() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EsetShopCli.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "chaos",
                "--orders",
                "60",
                "--seed",
                "7",
                "--failure-rate",
                "0.3",
                "--lose-rate",
                "0.2",
                "--restart-at",
                "20");

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().strip())
                .startsWith("requests ")
                .endsWith("\norders 60, licenses 60, duplicates 0, lost 0");
        assertThat(status).isZero();
    }

    @Test
    void aRateOutsideItsRangeIsABadCommandLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EsetShopCli.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "chaos",
                "--orders",
                "10",
                "--seed",
                "1",
                "--failure-rate",
                "1.5");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--failure-rate");
    }
}
