package dev.esetshop.benchmarks;

import dev.esetshop.pricing.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files the benchmarks share: the catalog they price from and their temporary databases. */
final class BenchmarkFiles {

    private BenchmarkFiles() {}

    /**
     * The file at {@code path}; a relative path that does not exist from the working directory is looked for in
     * every directory above it (and beside each), as the benchmarks jar runs from the repository or its worktree.
     */
    static Path locate(String path) {
        Path given = Path.of(path);
        if (given.isAbsolute() || Files.exists(given)) {
            return given;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(path);
            if (Files.exists(candidate)) {
                return candidate;
            }
            Path besideRoot = dir.resolveSibling(path);
            if (Files.exists(besideRoot)) {
                return besideRoot;
            }
        }
        throw new IllegalStateException("cannot find " + path + "; pass -p catalogPath=/path/to/catalog.json");
    }

    /** The value of a benchmark's {@code catalogPath} parameter that stands for {@link Catalog#sample()}. */
    static final String SAMPLE_CATALOG = "sample";

    /** The catalog a benchmark names: {@value #SAMPLE_CATALOG} for the one that ships in the pricing jar, or a file. */
    static Catalog catalog(String path) {
        return SAMPLE_CATALOG.equals(path) ? Catalog.sample() : Catalog.load(locate(path));
    }

    /** Deletes a directory with everything in it. */
    static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
