package dev.esetshop.examples.cli;

import dev.esetshop.core.error.InvalidCatalogException;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.pricing.protocol.QuoteProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./eset-shop quote [--catalog CATALOG.json] --request REQUEST.json}: answers quote requests per the quote
 * protocol, against the given catalog or the sample one that ships with eset-shop. Exit 0 when every request was answered, 1 when a file cannot be read, is not JSON or the catalog is
 * inconsistent (one line on standard error, nothing on standard output), 2 for a bad command line.
 */
@Command(
        name = "quote",
        mixinStandardHelpOptions = true,
        description = "Quotes the requests of a JSON file (one object or an array) against a catalog.")
public final class QuoteCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private CatalogOption catalog;

    @Option(
            names = "--request",
            required = true,
            paramLabel = "FILE",
            description = "A request object or an array of them (the quote protocol, see the README).")
    private Path request;

    @Override
    public Integer call() {
        Catalog loaded;
        try {
            loaded = catalog.load();
        } catch (InvalidCatalogException e) {
            return fail(e.getMessage());
        }
        String text;
        try {
            text = Files.readString(request, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("cannot read the request file " + request + " (" + EsetShopCli.oneLine(e) + ")");
        }
        String answer;
        try {
            answer = QuoteProtocol.of(loaded).answer(text);
        } catch (QuoteProtocol.MalformedJsonException e) {
            return fail(request + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println(answer);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int fail(String reason) {
        spec.commandLine()
                .getErr()
                .println("eset-shop quote: " + reason.replaceAll("\\s+", " ").strip());
        spec.commandLine().getErr().flush();
        return 1;
    }
}
