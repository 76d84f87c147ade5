package dev.esetshop.benchmarks;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.license.SyncCursor;
import dev.esetshop.sdk.report.LicenseReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The product report over a book of 100,000 licenses in the JDBC store on an H2 file, written as CSV and as
 * XLSX in a 64 MB heap. Floor: at most 2 s per report, and no {@link OutOfMemoryError} (which would fail the fork).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ReportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class ReportBenchmark {

    /** The floor of the report: at most this many milliseconds per report of {@link #licenses} licenses. */
    public static final long FLOOR_MILLIS = 2_000;

    private static final String[] PRODUCTS = {"EAVB", "EMDS", "ESB", "EPB", "EPE"};
    private static final String[] NAMES = {
        "ESET Endpoint Antivirus",
        "ESET Multi-Device Security",
        "ESET Secure Business",
        "ESET PROTECT Entry",
        "ESET PROTECT Elite"
    };
    private static final int PAGE = 1_000;

    /** The size of the license book. */
    @Param("100000")
    public int licenses;

    private Path directory;
    private JdbcLicenseStore store;

    /** Fills an H2 file database with the book, page by page as a sync would. */
    @Setup(Level.Trial)
    public void fillStore() throws IOException {
        directory = Files.createTempDirectory("eset-shop-report-bench");
        store = JdbcLicenseStore.create(JdbcStorage.h2(directory.resolve("licenses")), JdbcStorage.DEFAULT_RESELLER);
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int from = 0; from < licenses; from += PAGE) {
            List<License> page = new ArrayList<>(PAGE);
            for (int i = from; i < Math.min(licenses, from + PAGE); i++) {
                page.add(license(i, random));
            }
            store.storePage(
                    page,
                    SyncCursor.builder().nextSkip(from + PAGE).inProgress(true).build());
        }
        if (store.count() != licenses) {
            throw new IllegalStateException("the store holds " + store.count() + " licenses, not " + licenses);
        }
    }

    /** Removes the database files. */
    @TearDown(Level.Trial)
    public void removeStore() throws IOException {
        BenchmarkFiles.deleteTree(directory);
    }

    /** The CSV report, in German (semicolons, German dates). */
    @Benchmark
    public long csv() throws IOException {
        CountingStream out = new CountingStream();
        LicenseReport.csv(store, Locale.GERMAN, out);
        return out.bytes;
    }

    /** The XLSX report, in French (dates as date cells). */
    @Benchmark
    public long xlsx() throws IOException {
        CountingStream out = new CountingStream();
        LicenseReport.xlsx(store, Locale.FRENCH, out);
        return out.bytes;
    }

    private static License license(int i, SplittableRandom random) {
        int product = random.nextInt(PRODUCTS.length);
        int seats = 1 + random.nextInt(500);
        LocalDate issued = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
        return License.builder()
                .id(LicenseId.of(String.format("B%07d", i)))
                .licenseKey(Secret.of(String.format("KEY-%08X-%08X", i, random.nextInt())))
                .productCode(ProductCode.of(PRODUCTS[product]))
                .productName(NAMES[product])
                .seats(Seats.of(seats))
                .usedSeats(random.nextInt(seats + 1))
                .state(random.nextInt(20) == 0 ? LicenseState.SUSPENDED : LicenseState.NORMAL)
                .trial(random.nextInt(10) == 0)
                .issued(issued)
                .expires(issued.plusYears(1 + random.nextInt(3)))
                .modified(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))
                .customer(EndCustomer.builder()
                        .organization("Customer Organisation " + i)
                        .firstName("First" + (i % 97))
                        .lastName("Last" + (i % 89))
                        .email("contact" + i + "@customer" + (i % 1000) + ".example")
                        .country(random.nextBoolean() ? "DE" : "CH")
                        .build())
                .build();
    }

    /** Counts the report's bytes instead of keeping them, so the heap holds only what the writer holds. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }
}
