package dev.esetshop.sdk;

import dev.esetshop.core.Secret;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the marketplace knows of one reseller to open its shop: the reseller's ESET partner credentials (from the host's
 * vault; the SDK never stores them), its customer number at the marketplace and the language of its messages. Build it
 * with {@code ResellerAccount.of(username, password)}, then {@link #withCustomerNumber(String)} and
 * {@link #withLocale(Locale)} where they apply.
 */
public final class ResellerAccount {

    private final String username;
    private final Secret password;
    private final @Nullable String marketplaceCustomerNumber;
    private final Locale locale;

    private ResellerAccount(
            String username, Secret password, @Nullable String marketplaceCustomerNumber, Locale locale) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.marketplaceCustomerNumber = marketplaceCustomerNumber;
        this.locale = Objects.requireNonNull(locale, "locale");
        if (username.isBlank()) {
            throw new IllegalArgumentException("the ESET user name of a reseller account must not be blank");
        }
    }

    /**
     * An account with ESET credentials, no customer number, in English.
     *
     * @param username the ESET partner API user name
     * @param password the ESET partner API password
     * @return the account
     * @throws IllegalArgumentException when the user name is blank
     */
    public static ResellerAccount of(String username, Secret password) {
        return new ResellerAccount(username, password, null, Locale.ENGLISH);
    }

    /**
     * This account with the reseller's customer number at the marketplace.
     *
     * @param customerNumber the customer number
     * @return a new account
     */
    public ResellerAccount withCustomerNumber(String customerNumber) {
        return new ResellerAccount(
                username, password, Objects.requireNonNull(customerNumber, "customerNumber"), locale);
    }

    /**
     * This account in another language.
     *
     * @param newLocale the language
     * @return a new account
     */
    public ResellerAccount withLocale(Locale newLocale) {
        return new ResellerAccount(username, password, marketplaceCustomerNumber, newLocale);
    }

    /**
     * The ESET partner API user name.
     *
     * @return the user name, not blank
     */
    public String username() {
        return username;
    }

    /**
     * The ESET partner API password.
     *
     * @return the password
     */
    public Secret password() {
        return password;
    }

    /**
     * The reseller's customer number at the marketplace, shown in its partner status.
     *
     * @return the number, empty when the marketplace gave none
     */
    public Optional<String> marketplaceCustomerNumber() {
        return Optional.ofNullable(marketplaceCustomerNumber);
    }

    /**
     * The language of the reseller's messages, e-mails and reports (English, German, French).
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ResellerAccount that
                && username.equals(that.username)
                && password.equals(that.password)
                && Objects.equals(marketplaceCustomerNumber, that.marketplaceCustomerNumber)
                && locale.equals(that.locale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password, marketplaceCustomerNumber, locale);
    }

    @Override
    public String toString() {
        // the password is a Secret and masks itself; the user name is kept for support
        return "ResellerAccount[username=" + username + ", password=" + password + ", marketplaceCustomerNumber="
                + (marketplaceCustomerNumber == null ? "-" : marketplaceCustomerNumber) + ", locale=" + locale + "]";
    }
}
