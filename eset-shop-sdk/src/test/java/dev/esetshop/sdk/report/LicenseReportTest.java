package dev.esetshop.sdk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseState;
import dev.esetshop.sdk.jdbc.JdbcLicenseStore;
import dev.esetshop.sdk.jdbc.JdbcStorage;
import dev.esetshop.sdk.jdbc.SampleLicenses;
import dev.esetshop.sdk.license.LicenseStore;
import dev.esetshop.sdk.license.SyncCursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

class LicenseReportTest {

    private static final Locale SWISS_GERMAN = Locale.forLanguageTag("de-CH");

    private List<License> licenses;
    private LicenseStore store;

    @BeforeEach
    void storeWithLicenses() {
        licenses = new ArrayList<>(SampleLicenses.licenses(0, 40));
        License tricky = License.builder()
                .from(licenses.get(0))
                .state(LicenseState.of("ARCHIVED"))
                .customer(EndCustomer.builder()
                        .organization("=HYPERLINK(\"x\"); Müller, \"Söhne\" KG")
                        .firstName("Zoë")
                        .lastName("Ærø")
                        .email("zoe@mueller.example")
                        .build())
                .orderNumber("ORD-4711")
                .build();
        licenses.set(0, tricky);
        store = JdbcLicenseStore.create(
                JdbcStorage.h2InMemory("report-" + UUID.randomUUID()), JdbcStorage.DEFAULT_RESELLER);
        store.storePage(
                licenses, SyncCursor.builder().nextSkip(0).inProgress(false).build());
        licenses.sort(Comparator.comparing(License::id));
    }

    @Test
    void theOrderNumberTheBookKeepsIsInTheLastColumn() throws Exception {
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        LicenseReport.csv(store, Locale.ENGLISH, csv);

        String text = csv.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().filter(line -> line.endsWith(",ORD-4711"))).hasSize(1);
    }

    @Test
    void headersAreInTheLocalesLanguageAndEnglishOtherwise() {
        assertThat(LicenseReport.headers(Locale.ENGLISH))
                .hasSize(LicenseReport.COLUMNS)
                .startsWith(
                        "License ID",
                        "Product",
                        "Product name",
                        "Seats",
                        "Used seats",
                        "State",
                        "Trial",
                        "Expires",
                        "Organisation",
                        "Contact",
                        "Email",
                        "Country",
                        "Order number");
        assertThat(LicenseReport.headers(Locale.GERMAN))
                .containsExactly(
                        "Lizenz-ID",
                        "Produkt",
                        "Produktname",
                        "Lizenzmenge",
                        "Genutzte Lizenzen",
                        "Status",
                        "Testlizenz",
                        "Ablaufdatum",
                        "Organisation",
                        "Ansprechpartner",
                        "E-Mail",
                        "Land",
                        "Bestellnummer");
        assertThat(LicenseReport.headers(Locale.FRENCH))
                .containsExactly(
                        "ID de licence",
                        "Produit",
                        "Nom du produit",
                        "Quantité",
                        "Postes utilisés",
                        "Statut",
                        "Licence de test",
                        "Date d'expiration",
                        "Organisation",
                        "Contact",
                        "E-mail",
                        "Pays",
                        "Numéro de commande");
        assertThat(LicenseReport.headers(Locale.ITALIAN)).isEqualTo(LicenseReport.headers(Locale.ENGLISH));
        assertThat(LicenseReport.headers(SWISS_GERMAN)).isEqualTo(LicenseReport.headers(Locale.GERMAN));
    }

    @Test
    void englishCsvHasAHeaderAndOneRowPerLicenseInIdOrder() throws IOException {
        List<String[]> rows = readCsv(csv(Locale.US), ',');

        assertThat(rows).hasSize(licenses.size() + 1);
        assertThat(rows.get(0)).containsExactlyElementsOf(LicenseReport.headers(Locale.ENGLISH));
        for (int i = 0; i < licenses.size(); i++) {
            License license = licenses.get(i);
            String[] row = rows.get(i + 1);
            assertThat(row[0]).isEqualTo(license.id().value());
            assertThat(row[1]).isEqualTo(license.productCode().value());
            assertThat(row[2]).isEqualTo(license.productName());
            assertThat(Integer.parseInt(row[3])).isEqualTo(license.seats().count());
            assertThat(Integer.parseInt(row[4])).isEqualTo(license.usedSeats());
            assertThat(row[6]).isEqualTo(license.trial() ? "yes" : "no");
            assertThat(row[7])
                    .isEqualTo(String.format(
                            "%d/%d/%d",
                            license.expires().getMonthValue(),
                            license.expires().getDayOfMonth(),
                            license.expires().getYear()));
            assertThat(row[10]).isEqualTo(license.customer().email());
            assertThat(row[11]).isEqualTo(license.customer().country().orElse(""));
        }
    }

    @Test
    void aGivenListIsWrittenInItsOwnOrderAndNothingElse() throws IOException {
        // a page's filtered list, sorted by expiry descending: the export keeps exactly these rows in this order
        List<License> listed = licenses.stream()
                .filter(license -> license.seats().count() > 5)
                .sorted(Comparator.comparing(License::expires).reversed().thenComparing(License::id))
                .toList();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        LicenseReport.write(LicenseReport.Format.CSV, listed, Locale.GERMAN, csv);

        List<String[]> rows = readCsv(csv.toByteArray(), ';');
        assertThat(rows.subList(1, rows.size()))
                .extracting(row -> row[0])
                .containsExactlyElementsOf(
                        listed.stream().map(license -> license.id().value()).toList());
        assertThat(listed).hasSizeLessThan(licenses.size());
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        LicenseReport.write(LicenseReport.Format.XLSX, listed, Locale.GERMAN, xlsx);
        assertThat(unzippedText(xlsx.toByteArray())).contains(listed.get(0).id().value());
    }

    @Test
    void germanCsvUsesSemicolonsGermanDatesAndWords() throws IOException {
        License sample = licenses.get(5);

        List<String[]> rows = readCsv(csv(Locale.GERMAN), ';');

        assertThat(rows.get(0)).containsExactlyElementsOf(LicenseReport.headers(Locale.GERMAN));
        String[] row = rows.get(6);
        assertThat(row[0]).isEqualTo(sample.id().value());
        assertThat(row[5]).isIn("Aktiv", "Gesperrt");
        assertThat(row[6]).isEqualTo(sample.trial() ? "ja" : "nein");
        assertThat(row[7])
                .isEqualTo(String.format(
                        "%02d.%02d.%d",
                        sample.expires().getDayOfMonth(),
                        sample.expires().getMonthValue(),
                        sample.expires().getYear()));
    }

    @Test
    void frenchCsvUsesFrenchDates() throws IOException {
        License sample = licenses.get(7);

        List<String[]> rows = readCsv(csv(Locale.FRANCE), ';');

        assertThat(rows.get(8)[7])
                .isEqualTo(String.format(
                        "%02d/%02d/%d",
                        sample.expires().getDayOfMonth(),
                        sample.expires().getMonthValue(),
                        sample.expires().getYear()));
        assertThat(rows.get(8)[6]).isEqualTo(sample.trial() ? "oui" : "non");
    }

    @Test
    void csvQuotesSeparatorsKeepsAccentsAndDefusesFormulas() throws IOException {
        byte[] csv = csv(Locale.GERMAN);

        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String[] tricky = readCsv(csv, ';').stream()
                .filter(row -> row[10].equals("zoe@mueller.example"))
                .findFirst()
                .orElseThrow();
        assertThat(tricky[8]).isEqualTo("'=HYPERLINK(\"x\"); Müller, \"Söhne\" KG");
        assertThat(tricky[9]).isEqualTo("Zoë Ærø");
        assertThat(tricky[5]).isEqualTo("ARCHIVED");
    }

    @Test
    void noReportContainsALicenseKey() throws IOException {
        String csv = new String(csv(Locale.ENGLISH), StandardCharsets.UTF_8);
        String xlsxText = unzippedText(xlsx(Locale.ENGLISH));

        for (License license : licenses) {
            assertThat(csv).doesNotContain(license.licenseKey().reveal());
            assertThat(xlsxText).doesNotContain(license.licenseKey().reveal());
        }
        assertThat(xlsxText).contains(licenses.get(3).customer().email());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr"})
    void xlsxHasLocalizedHeadersNumbersBooleansAndRealDates(String language) throws IOException {
        Locale locale = Locale.forLanguageTag(language);
        byte[] xlsx = xlsx(locale);

        List<Row> rows;
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            assertThat(workbook.getFirstSheet().getName())
                    .isEqualTo(Map.of("en", "ESET licenses", "de", "ESET Lizenzen", "fr", "Licences ESET")
                            .get(language));
            rows = workbook.getFirstSheet().read();
        }

        assertThat(rows).hasSize(licenses.size() + 1);
        assertThat(rows.get(0).stream().map(Cell::getText).collect(Collectors.toList()))
                .containsExactlyElementsOf(LicenseReport.headers(locale));
        String dateFormat =
                Map.of("en", "m/d/yyyy", "de", "dd.mm.yyyy", "fr", "dd/mm/yyyy").get(language);
        for (int i = 0; i < licenses.size(); i++) {
            License license = licenses.get(i);
            Row row = rows.get(i + 1);
            assertThat(row.getCell(0).getText()).isEqualTo(license.id().value());
            assertThat(row.getCell(3).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCell(3).asNumber())
                    .isEqualByComparingTo(BigDecimal.valueOf(license.seats().count()));
            assertThat(row.getCell(4).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(license.usedSeats()));
            assertThat(row.getCell(6).getType()).isEqualTo(CellType.BOOLEAN);
            assertThat(row.getCell(6).asBoolean()).isEqualTo(license.trial());
            Cell expires = row.getCell(7);
            assertThat(expires.getType()).isEqualTo(CellType.NUMBER);
            assertThat(expires.getDataFormatString()).isEqualTo(dateFormat);
            assertThat(expires.asDate().toLocalDate()).isEqualTo(license.expires());
            assertThat(row.getCell(8).getText()).isEqualTo(license.customer().organization());
            assertThat(row.getCell(9).getText())
                    .isEqualTo(license.customer().firstName() + " "
                            + license.customer().lastName());
        }
    }

    @Test
    void xlsxFreezesTheHeaderAndFiltersIt() throws IOException {
        String sheet = unzippedEntry(xlsx(Locale.ENGLISH), "xl/worksheets/sheet1.xml");

        // The filter spans the header and every data row, so the dropdowns filter the whole table.
        assertThat(sheet.contains("<autoFilter ref=\"A1:M" + (licenses.size() + 1) + "\""))
                .as("autofilter")
                .isTrue();
        assertThat(Pattern.compile("<pane[^>]*ySplit=\"1\"[^>]*state=\"frozen\"")
                        .matcher(sheet)
                        .find())
                .as("frozen header row")
                .isTrue();
        assertThat(sheet.contains("<col min=\"3\" max=\"3\" width=\"34.0\""))
                .as("product name width")
                .isTrue();
    }

    @Test
    void anEmptyStoreGivesTheHeaderOnly() throws IOException {
        LicenseStore empty = JdbcLicenseStore.create(
                JdbcStorage.h2InMemory("empty-" + UUID.randomUUID()), JdbcStorage.DEFAULT_RESELLER);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();

        LicenseReport.write(LicenseReport.Format.CSV, empty, Locale.FRENCH, csv);
        LicenseReport.write(LicenseReport.Format.XLSX, empty, Locale.FRENCH, xlsx);

        assertThat(readCsv(csv.toByteArray(), ';')).hasSize(1);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(workbook.getFirstSheet().read()).hasSize(1);
        }
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        CloseRecordingStream csv = new CloseRecordingStream();
        CloseRecordingStream xlsx = new CloseRecordingStream();

        LicenseReport.csv(store, Locale.ENGLISH, csv);
        LicenseReport.xlsx(store, Locale.ENGLISH, xlsx);

        assertThat(csv.closed).isFalse();
        assertThat(xlsx.closed).isFalse();
        assertThat(xlsx.size()).isPositive();
        assertThat(LicenseReport.Format.XLSX.extension()).isEqualTo("xlsx");
        assertThat(LicenseReport.Format.CSV.contentType()).startsWith("text/csv");
    }

    @Test
    void aDateFarInTheFutureKeepsItsFourDigitYear() throws IOException {
        License late = License.builder()
                .from(licenses.get(2))
                .expires(LocalDate.of(2099, 12, 31))
                .build();
        store.storePage(
                List.of(late),
                SyncCursor.builder().nextSkip(0).inProgress(false).build());

        assertThat(new String(csv(Locale.GERMAN), StandardCharsets.UTF_8)).contains("31.12.2099");
    }

    private byte[] csv(Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LicenseReport.csv(store, locale, out);
        return out.toByteArray();
    }

    private byte[] xlsx(Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LicenseReport.xlsx(store, locale, out);
        return out.toByteArray();
    }

    private static List<String[]> readCsv(byte[] bytes, char separator) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CsvMapper mapper =
                CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .readValues(text.substring(1))) {
            return rows.readAll();
        }
    }

    /** Every entry of the workbook as text; read with {@link ZipFile}, as fastexcel writes zip64 data descriptors. */
    private static Map<String, String> unzipped(byte[] zip) throws IOException {
        Path file = Files.createTempFile("report", ".xlsx");
        try {
            Files.write(file, zip);
            Map<String, String> entries = new LinkedHashMap<>();
            try (ZipFile zipFile = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zipFile.entries())) {
                    try (InputStream in = zipFile.getInputStream(entry)) {
                        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return entries;
        } finally {
            Files.delete(file);
        }
    }

    private static String unzippedText(byte[] zip) throws IOException {
        return String.join("\n", unzipped(zip).values());
    }

    private static String unzippedEntry(byte[] zip, String name) throws IOException {
        String entry = unzipped(zip).get(name);
        assertThat(entry).as("entry %s of the workbook", name).isNotNull();
        return entry;
    }

    private static final class CloseRecordingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
