package dev.esetshop.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files the benchmarks share: the sample catalog and their temporary databases. */
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

    /** Deletes a directory with everything in it. */
    static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
