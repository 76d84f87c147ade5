package dev.esetshop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eset-shop quote}: its output and its exit codes 0, 1 and 2 as the quote protocol defines them. */
class QuoteCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path dir;

    @BeforeEach
    void captureStreams() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void answersARequestObjectWithExitZeroFromTheSampleCatalogByDefault() throws Exception {
        Path request = file(
                "r.json",
                "{\"id\": \"seed\", \"operation\": \"NEW\", \"today\": \"2019-06-03\", \"margin\": \"0.25\","
                        + " \"product\": \"EAVB\", \"seats\": 6, \"years\": 1}");
        int status = EsetShopCli.run("quote", "--request", request.toString());
        assertThat(status).isZero();
        assertThat(stdout()).startsWith("{\"id\":\"seed\",\"accepted\":true").contains("\"yourPrice\":\"112.95\"");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void rejectedRequestsAreStillAnsweredWithExitZero() throws Exception {
        Path request = file(
                "r.json",
                "[{\"id\": \"a\"}, 5, {\"operation\": \"TRIAL\", \"today\": \"2024-01-01\","
                        + " \"product\": \"ESBP\", \"seats\": 10, \"months\": 1}]");
        int status = EsetShopCli.run("quote", "--request", request.toString());
        assertThat(status).isZero();
        assertThat(stdout()).startsWith("[").contains("INVALID_REQUEST").contains("TRIAL_NOT_OFFERED");
    }

    @Test
    void aRequestThatIsNotJsonIsExitOneWithOneLineAndNoOutput() throws Exception {
        Path request = file("r.json", "{\"operation\": ");
        int status = EsetShopCli.run("quote", "--request", request.toString());
        assertThat(status).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("not JSON").hasLineCount(1);
    }

    @Test
    void unreadableFilesAreExitOne() throws Exception {
        int missingRequest = EsetShopCli.run(
                "quote", "--request", dir.resolve("missing.json").toString());
        assertThat(missingRequest).isEqualTo(1);
        int missingCatalog = EsetShopCli.run(
                "quote",
                "--catalog",
                dir.resolve("nope.json").toString(),
                "--request",
                file("r.json", "{}").toString());
        assertThat(missingCatalog).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).hasLineCount(2).contains("missing.json").contains("nope.json");
    }

    @Test
    void anInconsistentCatalogIsExitOneListingItsProblems() throws Exception {
        Path catalog = file(
                "c.json",
                "{\"currency\": \"EUR\", \"products\": [{\"code\": \"A\", \"name\": \"A\","
                        + " \"minSeats\": 1, \"maxSeats\": 9}], \"prices\": [{\"sku\": \"S\", \"product\": \"B\", \"action\": \"NEW\","
                        + " \"years\": 1, \"minSeats\": 1, \"maxSeats\": 5, \"unitPrice\": 1.5}], \"policy\": {}}");
        int status = EsetShopCli.run(
                "quote",
                "--catalog",
                catalog.toString(),
                "--request",
                file("r.json", "{}").toString());
        assertThat(status).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).hasLineCount(1).contains("prices[0].unitPrice").contains("policy.crossgradeRate");
    }

    @Test
    void aBadCommandLineIsExitTwo() {
        assertThat(EsetShopCli.run("quote", "--catalog", "c.json")).isEqualTo(2);
        assertThat(EsetShopCli.run("quote", "--catalog", "c.json", "--request", "r.json", "--colour"))
                .isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("--request").contains("Usage");
    }
}
