package dev.esetshop.sdk.present;

import dev.esetshop.core.DiscountProgramme;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.LocalizedName;
import dev.esetshop.core.LocalizedTexts;
import dev.esetshop.core.Money;
import dev.esetshop.core.Operation;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.QuoteLine;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.sdk.AvailableActions;
import dev.esetshop.sdk.internal.LocalText;
import dev.esetshop.sdk.order.JournalEntry;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one way the shop shows its values to a person reading a locale's language in a zone: every web page, the
 * command line, the e-mails and the report use it, so a value reads the same everywhere.
 *
 * <ul>
 *   <li>Money with the currency's symbol and minor digits: {@code €1,234.56} (English), {@code 1.234,56 €} (German),
 *       {@code 1 234,56 €} (French).</li>
 *   <li>Dates with a four-digit year: {@code 12/7/2027}, {@code 07.12.2027}, {@code 07/12/2027}; instants as the
 *       date and time in the reseller's zone; months by name ({@code Januar 2027}); counts with grouping
 *       ({@code 1.426}).</li>
 *   <li>The labels of every license state, operation, partner level, violation code (and each violation's message),
 *       order state and license action; the names of products and discount programmes from the catalog in each
 *       language it carries, else the catalog's default name.</li>
 * </ul>
 *
 * <p>English, German and French are shipped; any other language reads English labels with its own number and date
 * style. Spaces inside a formatted number or between a number and its unit are no-break spaces (U+00A0), so an amount
 * never breaks across lines; French grouping uses the same U+00A0 rather than the JDK's narrow no-break space
 * (U+202F), which many terminal and e-mail fonts draw as a box. German uses one terminology with the original shop's
 * documents: seats are {@code Lizenzen} (a quantity is the {@code Lizenzmenge}); French says {@code postes}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ShopPresentation {

    /** The no-break space between digits and between a number and its unit. */
    public static final char NO_BREAK_SPACE = '\u00A0';

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Locale locale;
    private final ZoneId zone;
    private final @Nullable Catalog catalog;
    private final LocalizedTexts labels;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter dateTimes;
    private final DateTimeFormatter months;

    private ShopPresentation(Locale locale, ZoneId zone, @Nullable Catalog catalog) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.catalog = catalog;
        this.labels = LocalText.load(ShopPresentation.class, "presentation", locale);
        this.dates = LocalText.dateFormatter(locale);
        String time = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                null, FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
        this.dateTimes = DateTimeFormatter.ofPattern(LocalText.datePattern(locale) + " " + time, locale)
                .withZone(zone);
        // "LLLL" is the stand-alone month name, the form a month has without a day (Januar, janvier, January)
        this.months = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    }

    /**
     * The presentation for a reader's locale and zone, with product and programme names as the caller has them (no
     * catalog).
     *
     * @param locale the reader's locale
     * @param zone the zone instants are shown in (the reseller's)
     * @return the presentation
     */
    public static ShopPresentation of(Locale locale, ZoneId zone) {
        return new ShopPresentation(locale, zone, null);
    }

    /**
     * The presentation for a reader's locale and zone, naming products and discount programmes as the catalog does in
     * the locale's language.
     *
     * @param locale the reader's locale
     * @param zone the zone instants are shown in (the reseller's)
     * @param catalog the catalog whose names to show
     * @return the presentation
     */
    public static ShopPresentation of(Locale locale, ZoneId zone, Catalog catalog) {
        return new ShopPresentation(locale, zone, Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * The reader's locale.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    /**
     * The zone instants are shown in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The language of the labels.
     *
     * @return {@code en}, {@code de} or {@code fr}
     */
    public String language() {
        return labels.language();
    }

    // ------------------------------------------------------------------------------------------------ numbers

    /**
     * An amount with the currency's symbol, the locale's separators and the currency's minor digits.
     *
     * @param money the amount
     * @return such as {@code 1.234,56 €}
     */
    public String money(Money money) {
        Objects.requireNonNull(money, "money");
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int digits = Money.minorDigits(money.currency());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return noBreak(format.format(money.amount()));
    }

    /**
     * An amount as a plain number with the locale's separators and the currency's minor digits, no symbol (a table
     * column whose heading names the currency).
     *
     * @param money the amount
     * @return such as {@code 1.234,56}
     */
    public String amount(Money money) {
        Objects.requireNonNull(money, "money");
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = Money.minorDigits(money.currency());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return noBreak(format.format(money.amount()));
    }

    /**
     * A count with the locale's grouping.
     *
     * @param count the count
     * @return such as {@code 1.426} (German) or {@code 1,426} (English)
     */
    public String count(long count) {
        return noBreak(NumberFormat.getIntegerInstance(locale).format(count));
    }

    /**
     * A share as a percentage, such as a partner margin.
     *
     * @param share a share, 0.25 for 25 %
     * @return such as {@code 25 %} (German, French) or {@code 25%} (English)
     */
    public String percent(BigDecimal share) {
        Objects.requireNonNull(share, "share");
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(2);
        return noBreak(format.format(share));
    }

    /**
     * A number of seats with its unit.
     *
     * @param seats the seats
     * @return such as {@code 6 Lizenzen} or {@code 6 postes}
     */
    public String seats(int seats) {
        return labels.format("seats", seats, count(seats));
    }

    /**
     * A number of licenses with its unit.
     *
     * @param licenses the licenses
     * @return such as {@code 1.426 Lizenzen}
     */
    public String licenses(long licenses) {
        return labels.format("licenses", licenses, count(licenses));
    }

    /**
     * A license period in years.
     *
     * @param years the years
     * @return such as {@code 1 Jahr} or {@code 3 ans}
     */
    public String years(int years) {
        return labels.format("years", years);
    }

    /**
     * A trial period in months.
     *
     * @param months the months, at least 1
     * @return such as {@code 1 Monat} or {@code 3 mois}
     */
    public String months(int months) {
        return labels.format("months", months);
    }

    // -------------------------------------------------------------------------------------------------- dates

    /**
     * A date in the locale's short numeric style with a four-digit year.
     *
     * @param date the date
     * @return such as {@code 07.12.2027}, {@code 07/12/2027} or {@code 12/7/2027}
     */
    public String date(LocalDate date) {
        return dates.format(Objects.requireNonNull(date, "date"));
    }

    /**
     * An instant as the date and time in the reseller's zone.
     *
     * @param instant the instant
     * @return such as {@code 07.12.2027 14:05}
     */
    public String dateTime(Instant instant) {
        return noBreak(dateTimes.format(Objects.requireNonNull(instant, "instant")));
    }

    /**
     * A month by name with its year.
     *
     * @param month the month
     * @return such as {@code Januar 2027}, {@code janvier 2027} or {@code January 2027}
     */
    public String month(YearMonth month) {
        return months.format(Objects.requireNonNull(month, "month"));
    }

    /**
     * How far away a day is, as a reminder says it.
     *
     * @param days the days from today, 0 or more
     * @return such as {@code heute}, {@code morgen} or {@code in 30 Tagen}
     */
    public String daysLeft(int days) {
        return switch (days) {
            case 0 -> labels.text("daysLeft.today");
            case 1 -> labels.text("daysLeft.tomorrow");
            default -> labels.format("daysLeft.days", count(days));
        };
    }

    // ------------------------------------------------------------------------------------------------- labels

    /**
     * A license state; a state this SDK does not know reads as ESET sent it.
     *
     * @param state the state
     * @return such as {@code Gesperrt}
     */
    public String state(LicenseState state) {
        return state.known().map(known -> labels.text("state." + known.name())).orElse(state.raw());
    }

    /**
     * An operation.
     *
     * @param operation the operation
     * @return such as {@code Verlängerung und Erweiterung}
     */
    public String operation(Operation operation) {
        return labels.text("operation." + operation.name());
    }

    /**
     * What a line of a quote is for.
     *
     * @param kind the line's kind
     * @return such as {@code Erweiterung bis zum bisherigen Ablaufdatum}
     */
    public String quoteLine(QuoteLine.Kind kind) {
        return labels.text("quoteLine." + kind.name());
    }

    /**
     * A partner level; a level this SDK does not know reads as ESET sent it.
     *
     * @param level the level
     * @return such as {@code Gold} or {@code Or}
     */
    public String partnerLevel(PartnerLevel level) {
        return level.known().map(known -> labels.text("level." + known.name())).orElse(level.raw());
    }

    /**
     * An action on a license.
     *
     * @param action the action
     * @return such as {@code Lizenzmenge erhöhen}
     */
    public String action(AvailableActions.Action action) {
        return labels.text("action." + action.name());
    }

    /**
     * The state of an order in the journal.
     *
     * @param state the state
     * @return such as {@code Bestätigt}
     */
    public String orderState(JournalEntry.State state) {
        return labels.text("orderState." + state.name());
    }

    /**
     * A violation code's short title, for a heading or a column.
     *
     * @param code the code
     * @return such as {@code Lizenzmenge nicht möglich}
     */
    public String violationCode(ViolationCode code) {
        return labels.text("violation." + code.name());
    }

    /**
     * A violation's message, telling the reader what to do, with its dates in the locale's style.
     *
     * @param violation the violation
     * @return the message in the locale's language
     */
    public String violation(Violation violation) {
        List<String> arguments = new ArrayList<>(violation.arguments().size());
        boolean changed = false;
        for (String argument : violation.arguments()) {
            String shown = localDate(argument).map(this::date).orElse(argument);
            changed |= !shown.equals(argument);
            arguments.add(shown);
        }
        Violation shown = changed
                ? new Violation(violation.code(), violation.field(), violation.messageKey(), arguments)
                : violation;
        return shown.message(locale);
    }

    /**
     * Yes or no.
     *
     * @param value the flag
     * @return such as {@code ja} or {@code non}
     */
    public String yesNo(boolean value) {
        return labels.text(value ? "value.yes" : "value.no");
    }

    /**
     * Why a license offers no action today, for a page that shows none.
     *
     * @param state the license's state
     * @return the reason: suspended by ESET, expired too long ago, or plainly none today
     */
    public String noActionReason(LicenseState state) {
        return state.known()
                .filter(known -> known != LicenseState.Known.NORMAL)
                .map(known -> labels.text("noAction." + known.name()))
                .orElse(labels.text("noAction.none"));
    }

    /**
     * A product's name in the locale's language: the catalog's name for the code, else the name the caller has (such
     * as the one ESET sent with a license).
     *
     * @param code the product code
     * @param fallback the name to show when the catalog lacks the product
     * @return the name
     */
    public String product(ProductCode code, String fallback) {
        return Optional.ofNullable(catalog)
                .flatMap(known -> known.product(code.value()))
                .map(this::name)
                .orElse(fallback);
    }

    /**
     * A license's product name in the locale's language (see {@link #product(ProductCode, String)}).
     *
     * @param license the license
     * @return the name
     */
    public String product(License license) {
        return product(license.productCode(), license.productName());
    }

    /**
     * A discount programme's name in the locale's language: the catalog's programme with this code, else the code.
     *
     * @param code the programme's code, such as {@code GOV}
     * @return the name, such as {@code Behörden}
     */
    public String discount(String code) {
        return Optional.ofNullable(catalog)
                .flatMap(known -> known.discount(code))
                .map(this::name)
                .orElse(code);
    }

    /**
     * A license's discount programme in the locale's language, or the word for none.
     *
     * @param license the license
     * @return the programme's name, or such as {@code keines}
     */
    public String discount(License license) {
        return license.discount().map(this::discount).orElse(labels.text("value.none"));
    }

    /**
     * A programme's name in the locale's language.
     *
     * @param programme the programme
     * @return the name
     */
    public String discount(DiscountProgramme programme) {
        return name(programme);
    }

    /**
     * A catalog item's name in the locale's language, else its default name.
     *
     * @param named a product or a discount programme
     * @return the name
     */
    public String name(LocalizedName named) {
        return named.name(locale);
    }

    /**
     * Every label in the locale's language, for a test that every value has one.
     *
     * @return the labels by key, such as {@code state.NORMAL}
     */
    public Map<String, String> labels() {
        Map<String, String> all = new java.util.TreeMap<>();
        labels.keys().forEach(key -> all.put(key, labels.text(key)));
        return Map.copyOf(all);
    }

    @Override
    public String toString() {
        return "ShopPresentation[" + locale.toLanguageTag() + ", " + zone + "]";
    }

    private static Optional<LocalDate> localDate(String text) {
        if (!ISO_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The JDK's narrow no-break space (French grouping, French and German percent) as a plain no-break space. */
    private static String noBreak(String text) {
        return text.replace('\u202F', NO_BREAK_SPACE);
    }
}
