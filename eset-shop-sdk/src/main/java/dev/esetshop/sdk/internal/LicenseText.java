package dev.esetshop.sdk.internal;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.License;
import java.util.Optional;

/**
 * What the license book accepts of the text ESET sends, in one place: display text is cleaned (control characters
 * such as NUL dropped, a lone surrogate replaced by U+FFFD, as PostgreSQL refuses both), and a value longer than the
 * book keeps is a reason to quarantine the record. The JDBC schema's columns are at least this wide.
 */
public final class LicenseText {

    /** The longest display text (product name, organization, names, email). */
    public static final int MAX_TEXT = 1000;
    /** The longest license key. */
    public static final int MAX_KEY = 512;
    /** The longest state, discount programme, country and VAT id. */
    public static final int MAX_STATE = 64;

    public static final int MAX_DISCOUNT = 256;
    public static final int MAX_COUNTRY = 64;
    public static final int MAX_VAT_ID = 128;
    /** The longest order number the journal and the book record (their order_number columns). */
    public static final int MAX_ORDER_NUMBER = 128;

    private LicenseText() {}

    /** The license as the book stores it, or why it cannot be stored. */
    public sealed interface Checked permits Storable, Refused {}

    /** A license the book can store (its text cleaned). */
    public record Storable(License license) implements Checked {}

    /** A license the book cannot store, with the reason (never the license key). */
    public record Refused(String reason) implements Checked {}

    /** Cleans the license's text and checks every length. */
    public static Checked check(License license) {
        String key = license.licenseKey().reveal();
        if (key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return new Refused(
                    "the license key is longer than " + MAX_KEY + " characters or holds characters a key cannot have");
        }
        License clean = cleaned(license);
        EndCustomer cleanCustomer = clean.customer();
        Optional<String> tooLong = tooLong("product name", clean.productName(), MAX_TEXT)
                .or(() -> tooLong("state", clean.state().raw(), MAX_STATE))
                .or(() -> tooLong("discount", clean.discount().orElse(""), MAX_DISCOUNT))
                .or(() -> tooLong("organization", cleanCustomer.organization(), MAX_TEXT))
                .or(() -> tooLong("first name", cleanCustomer.firstName(), MAX_TEXT))
                .or(() -> tooLong("last name", cleanCustomer.lastName(), MAX_TEXT))
                .or(() -> tooLong("email", cleanCustomer.email(), MAX_TEXT))
                .or(() -> tooLong("country", cleanCustomer.country().orElse(""), MAX_COUNTRY))
                .or(() -> tooLong("VAT id", cleanCustomer.vatId().orElse(""), MAX_VAT_ID));
        return tooLong.<Checked>map(Refused::new).orElseGet(() -> new Storable(clean));
    }

    /**
     * The license with its display text cleaned as {@link #clean} does (lengths unchecked): what every store keeps,
     * whichever path (an order's receipt, a sync, a host's own page) brought the license; the same license comes
     * back unchanged when its text is clean, so cleaning twice changes nothing.
     */
    public static License cleaned(License license) {
        EndCustomer customer = license.customer();
        EndCustomer.Builder cleaning = EndCustomer.builder()
                .organization(clean(customer.organization()))
                .firstName(clean(customer.firstName()))
                .lastName(clean(customer.lastName()))
                .email(clean(customer.email()));
        customer.country().map(LicenseText::clean).ifPresent(cleaning::country);
        customer.vatId().map(LicenseText::clean).ifPresent(cleaning::vatId);
        EndCustomer cleanCustomer = cleaning.build();
        if (cleanCustomer.equals(customer)
                && clean(license.productName()).equals(license.productName())
                && license.discount().map(LicenseText::clean).equals(license.discount())) {
            return license;
        }
        License.Builder cleanLicense = License.builder()
                .from(license)
                .productName(clean(license.productName()))
                .customer(cleanCustomer);
        license.discount().map(LicenseText::clean).ifPresent(cleanLicense::discount);
        return cleanLicense.build();
    }

    /**
     * Whether text a caller sends (an end customer's field) holds a character neither the book nor ESET's wire keeps
     * as sent: any control character (tab and line breaks included, as no field of a customer has lines) or a lone
     * surrogate. Such text is refused at the order, not cleaned, so what ESET records is what the caller sent.
     */
    public static boolean hasUnkeptCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an order number ESET sent can be recorded as it is: 1 to {@link #MAX_ORDER_NUMBER} characters, none a
     * control character or a lone surrogate. An order number is an identifier, so it is never cleaned.
     */
    public static boolean recordableOrderNumber(String orderNumber) {
        return !orderNumber.isEmpty() && orderNumber.length() <= MAX_ORDER_NUMBER && !hasUnkeptCharacters(orderNumber);
    }

    /** The text without control characters (tab and line breaks kept) and with lone surrogates replaced. */
    public static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                replacement = "\uFFFD";
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                replacement = "";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static Optional<String> tooLong(String field, String value, int max) {
        return value.length() > max
                ? Optional.of("the " + field + " is longer than the " + max + " characters the license book keeps")
                : Optional.empty();
    }
}
