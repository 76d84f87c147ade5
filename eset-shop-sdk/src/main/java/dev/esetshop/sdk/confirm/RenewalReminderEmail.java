package dev.esetshop.sdk.confirm;

import dev.esetshop.core.Money;
import dev.esetshop.sdk.present.ShopPresentation;
import dev.esetshop.sdk.remind.RenewalReminder;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The renewal reminder e-mail to a reseller in English, German and French ("Licenses due for renewal", "Lizenzen zur
 * Verlängerung", "Licences à renouveler"): every due license of one round in one mail, each with its product, seats,
 * end customer, expiry date and renewal price (one year, same seats), and the total when every price is in one
 * currency. Rendered as the confirmation e-mail is: Mustache resources of this package
 * ({@code reminder_<language>.subject|txt|html}), every value shown by {@link ShopPresentation} (amounts such as
 * {@code 112,95 €}, dates such as {@code 07.12.2027}), values HTML-escaped in the HTML body and stripped of line breaks
 * in the subject.
 */
public final class RenewalReminderEmail {

    private static final Map<String, ConfirmationEmail.Templates> BY_LANGUAGE = Map.of(
            "en", ConfirmationEmail.Templates.load("reminder", "en"),
            "de", ConfirmationEmail.Templates.load("reminder", "de"),
            "fr", ConfirmationEmail.Templates.load("reminder", "fr"));

    private RenewalReminderEmail() {}

    /**
     * Renders the e-mail listing the reminders in the locale's language (any other than English, German or French
     * gets English).
     *
     * @param reminders the reminders of one round, at least one, in the order to list them
     * @param locale the reseller's locale
     * @return the e-mail
     * @throws IllegalArgumentException when there is no reminder
     */
    public static RenderedEmail render(List<RenewalReminder> reminders, Locale locale) {
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(locale, "locale");
        if (reminders.isEmpty()) {
            throw new IllegalArgumentException("a reminder e-mail lists at least one license");
        }
        ConfirmationEmail.Templates templates = ConfirmationEmail.Templates.in(BY_LANGUAGE, locale);
        // a reminder shows dates only, which have no zone
        Map<String, Object> model = model(reminders, ShopPresentation.of(locale, ZoneOffset.UTC));
        return new RenderedEmail(
                templates.subject().render(model).strip(),
                templates.text().render(model),
                templates.html().render(model));
    }

    private static Map<String, Object> model(List<RenewalReminder> reminders, ShopPresentation present) {
        List<Map<String, Object>> licenses = new ArrayList<>();
        for (RenewalReminder reminder : reminders) {
            Map<String, Object> license = new HashMap<>();
            license.put("productName", reminder.productName());
            license.put("product", reminder.product().value());
            license.put("licenseId", reminder.licenseId().value());
            license.put("seats", present.count(reminder.seats()));
            license.put("organisation", reminder.customer().organization());
            license.put("expires", present.date(reminder.expires()));
            license.put("daysLeft", present.daysLeft(reminder.daysLeft()));
            license.put("yourPrice", present.money(reminder.quote().yourPrice()));
            license.put("streetPrice", present.money(reminder.quote().streetPrice()));
            licenses.add(license);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("count", reminders.size());
        model.put("licenses", licenses);
        Optional<Money[]> totals = totals(reminders);
        model.put("hasTotal", totals.isPresent());
        model.put("yourTotal", totals.map(sums -> present.money(sums[0])).orElse(""));
        model.put("streetTotal", totals.map(sums -> present.money(sums[1])).orElse(""));
        return model;
    }

    /** Your price and street price summed, when every reminder is priced in one currency. */
    private static Optional<Money[]> totals(List<RenewalReminder> reminders) {
        Money your = Money.zero(reminders.get(0).quote().currency());
        Money street = your;
        for (RenewalReminder reminder : reminders) {
            if (!reminder.quote().currency().equals(your.currency())) {
                return Optional.empty();
            }
            your = your.plus(reminder.quote().yourPrice());
            street = street.plus(reminder.quote().streetPrice());
        }
        return Optional.of(new Money[] {your, street});
    }
}
