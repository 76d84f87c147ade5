package dev.esetshop.sdk.report;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LocalizedTexts;
import dev.esetshop.sdk.internal.LocalText;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.present.ShopPresentation;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The product report: every license of a {@link LicenseStore} as a table, in CSV or as an Excel workbook, with
 * the column names in English, German or French. The licenses are streamed from the store one by one, so a book of
 * 100,000 licenses fits in a small heap. The license key is never part of a report.
 *
 * <p>Columns: license id, product, product name, seats, used seats, state, trial, expires, organisation, contact,
 * email, country, ESET order number. Values are shown by {@link ShopPresentation} (the state's label, yes or no, the
 * local date), so the report reads as the shop's pages do. A page's list (its filters and its sort) is exported by
 * the overloads that take the licenses themselves.
 */
public final class LicenseReport {

    private static final Logger LOG = LoggerFactory.getLogger(LicenseReport.class);

    /** The number of columns of every report. */
    public static final int COLUMNS = 13;

    private static final String[] COLUMN_KEYS = {
        "column.licenseId",
        "column.product",
        "column.productName",
        "column.seats",
        "column.usedSeats",
        "column.state",
        "column.trial",
        "column.expires",
        "column.organisation",
        "column.contact",
        "column.email",
        "column.country",
        "column.orderNumber"
    };

    private static final double[] WIDTHS = {16, 10, 34, 8, 10, 12, 8, 12, 34, 26, 34, 8, 16};

    private static final int SEATS = 3;
    private static final int USED_SEATS = 4;
    private static final int TRIAL = 6;
    private static final int EXPIRES = 7;

    /** Rows kept in memory before fastexcel writes them out. */
    private static final int XLSX_FLUSH_ROWS = 1_000;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final CsvMapper CSV =
            CsvMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private LicenseReport() {}

    /** A report's file format. */
    public enum Format {
        /** Comma- or semicolon-separated values, UTF-8. */
        CSV("csv", "text/csv; charset=UTF-8"),
        /** An Excel workbook (Office Open XML). */
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        /** The file name extension, without the dot. */
        public String extension() {
            return extension;
        }

        /** The MIME type for a download. */
        public String contentType() {
            return contentType;
        }
    }

    /** Writes the report in the format; see {@link #csv} and {@link #xlsx}. */
    public static void write(Format format, LicenseStore store, Locale locale, OutputStream out) throws IOException {
        Objects.requireNonNull(format, "format");
        switch (format) {
            case CSV -> csv(store, locale, out);
            case XLSX -> xlsx(store, locale, out);
        }
    }

    /**
     * Writes the given licenses in their order, such as a page's filtered and sorted list, in the format; the
     * columns and values are those of {@link #csv(LicenseStore, Locale, OutputStream)} and
     * {@link #xlsx(LicenseStore, Locale, OutputStream)}.
     *
     * @param format the file format
     * @param licenses the licenses, in the order of the rows
     * @param locale the reader's locale
     * @param out the stream, left open
     * @throws IOException when the stream cannot be written
     */
    public static void write(Format format, Iterable<License> licenses, Locale locale, OutputStream out)
            throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(licenses, "licenses");
        switch (format) {
            case CSV -> csv(licenses::forEach, locale, out);
            case XLSX -> xlsx(licenses::forEach, locale, out);
        }
    }

    /**
     * Writes the licenses as CSV (RFC 4180, UTF-8 with a byte order mark so Excel reads the accents): a header row in
     * the locale's language, then one row per license in id order. The separator is a comma, or a semicolon in a
     * language that writes decimals with a comma (German, French), as Excel expects there; dates are in the locale's
     * short style with a four-digit year. A text that a spreadsheet would run as a formula ({@code =}, {@code +},
     * {@code -}, {@code @}) gets a leading apostrophe. The stream is left open.
     *
     * @throws IOException when the stream cannot be written
     * @throws dev.esetshop.core.error.StorageException when the store cannot be read
     */
    public static void csv(LicenseStore store, Locale locale, OutputStream out) throws IOException {
        Objects.requireNonNull(store, "store");
        csv(store::forEach, locale, out);
    }

    private static void csv(Consumer<Consumer<License>> licenses, Locale locale, OutputStream out) throws IOException {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(out, "out");
        ShopPresentation present = presentation(locale);
        CsvSchema schema =
                CsvSchema.emptySchema().withColumnSeparator(separator(locale)).withLineSeparator("\r\n");
        out.write(UTF8_BOM);
        long[] rows = {0};
        try (SequenceWriter writer = CSV.writer(schema).writeValues(out)) {
            writer.write(headers(locale));
            licenses.accept(license -> {
                writer.write(csvRow(license, present));
                rows[0]++;
            });
        } catch (JacksonException e) {
            throw new IOException("Could not write the CSV license report: " + e.getOriginalMessage(), e);
        }
        out.flush();
        LOG.debug("wrote a CSV license report of {} licenses in {}", rows[0], LocalText.language(locale));
    }

    /**
     * Writes the licenses as an Excel workbook with one sheet: a bold, frozen header row in the locale's language
     * with an autofilter, one row per license in id order; seats are numbers, the trial flag a boolean, the
     * expiration a real date cell in the locale's date format. The stream is left open.
     *
     * @throws IOException when the stream cannot be written
     * @throws dev.esetshop.core.error.StorageException when the store cannot be read
     */
    public static void xlsx(LicenseStore store, Locale locale, OutputStream out) throws IOException {
        Objects.requireNonNull(store, "store");
        xlsx(store::forEach, locale, out);
    }

    private static void xlsx(Consumer<Consumer<License>> licenses, Locale locale, OutputStream out) throws IOException {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(out, "out");
        LocalizedTexts texts = LocalText.load(LicenseReport.class, "report", locale);
        ShopPresentation present = presentation(locale);
        String dateFormat = LocalText.spreadsheetDateFormat(locale);
        List<String> headers = headers(locale);
        Workbook workbook = new Workbook(new UnclosedOutputStream(out), "eset-shop", "1.0");
        Worksheet sheet = workbook.newWorksheet(texts.text("sheet.name"));
        // Widths and the frozen pane precede the rows in the sheet's XML, so they are set before the first flush.
        for (int column = 0; column < COLUMNS; column++) {
            sheet.width(column, Math.max(WIDTHS[column], headers.get(column).length() + 4));
            sheet.value(0, column, headers.get(column));
        }
        sheet.range(0, 0, 0, COLUMNS - 1).style().bold().fillColor("DDEBF7").set();
        sheet.freezePane(0, 1);
        int[] row = {0};
        try {
            licenses.accept(license -> {
                row[0]++;
                xlsxRow(sheet, row[0], license, present, dateFormat);
                if (row[0] % XLSX_FLUSH_ROWS == 0) {
                    flush(sheet);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        sheet.setAutoFilter(0, 0, COLUMNS - 1);
        workbook.finish();
        out.flush();
        LOG.debug("wrote an XLSX license report of {} licenses in {}", row[0], LocalText.language(locale));
    }

    /** The column names in the locale's language (English for a language not shipped). */
    public static List<String> headers(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        LocalizedTexts texts = LocalText.load(LicenseReport.class, "report", locale);
        List<String> headers = new ArrayList<>(COLUMNS);
        for (String key : COLUMN_KEYS) {
            headers.add(texts.text(key));
        }
        return List.copyOf(headers);
    }

    private static char separator(Locale locale) {
        return java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',' ? ';' : ',';
    }

    /** The report's presentation: it shows dates only, which have no zone. */
    private static ShopPresentation presentation(Locale locale) {
        return ShopPresentation.of(locale, ZoneOffset.UTC);
    }

    private static List<Object> csvRow(License license, ShopPresentation present) {
        EndCustomer customer = license.customer();
        List<Object> row = new ArrayList<>(COLUMNS);
        row.add(text(license.id().value()));
        row.add(text(license.productCode().value()));
        row.add(text(license.productName()));
        row.add(license.seats().count());
        row.add(license.usedSeats());
        row.add(text(present.state(license.state())));
        row.add(present.yesNo(license.trial()));
        row.add(present.date(license.expires()));
        row.add(text(customer.organization()));
        row.add(text(contact(customer)));
        row.add(text(customer.email()));
        row.add(text(customer.country().orElse("")));
        row.add(text(license.orderNumber().orElse("")));
        return row;
    }

    private static void xlsxRow(
            Worksheet sheet, int row, License license, ShopPresentation present, String dateFormat) {
        EndCustomer customer = license.customer();
        // Inline strings for the columns that differ on every row: shared strings would be held in memory to the end.
        sheet.inlineString(row, 0, license.id().value());
        sheet.value(row, 1, license.productCode().value());
        sheet.value(row, 2, license.productName());
        sheet.value(row, SEATS, license.seats().count());
        sheet.value(row, USED_SEATS, license.usedSeats());
        sheet.value(row, 5, present.state(license.state()));
        sheet.value(row, TRIAL, license.trial());
        sheet.value(row, EXPIRES, license.expires());
        sheet.style(row, EXPIRES).format(dateFormat).set();
        sheet.inlineString(row, 8, customer.organization());
        sheet.inlineString(row, 9, contact(customer));
        sheet.inlineString(row, 10, customer.email());
        customer.country().ifPresent(country -> sheet.value(row, 11, country));
        license.orderNumber().ifPresent(number -> sheet.value(row, 12, number));
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String contact(EndCustomer customer) {
        return (customer.firstName() + " " + customer.lastName()).strip();
    }

    /** Neutralises a text a spreadsheet would evaluate as a formula (CSV injection). */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** Keeps fastexcel's {@code finish()} from closing the caller's stream. */
    private static final class UnclosedOutputStream extends java.io.FilterOutputStream {
        UnclosedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
