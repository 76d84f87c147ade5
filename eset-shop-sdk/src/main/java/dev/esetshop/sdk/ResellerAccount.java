package dev.esetshop.sdk;

import dev.esetshop.core.Secret;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the marketplace knows of one reseller to open its shop: the reseller's ESET partner credentials (from the host's
 * vault; the SDK never stores them), its customer number at the marketplace and the language of its messages.
 *
 * @param username the ESET partner API user name
 * @param password the ESET partner API password
 * @param marketplaceCustomerNumber the reseller's customer number at the marketplace, shown in its partner status
 * @param locale the language of the reseller's messages, e-mails and reports (English, German, French)
 */
public record ResellerAccount(
        String username, Secret password, Optional<String> marketplaceCustomerNumber, Locale locale) {

    /**
     * An account; validated here.
     *
     * @throws IllegalArgumentException when the user name is blank
     */
    public ResellerAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(marketplaceCustomerNumber, "marketplaceCustomerNumber");
        Objects.requireNonNull(locale, "locale");
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
     */
    public static ResellerAccount of(String username, Secret password) {
        return new ResellerAccount(username, password, Optional.empty(), Locale.ENGLISH);
    }

    /**
     * This account with the reseller's customer number at the marketplace.
     *
     * @param customerNumber the customer number
     * @return a new account
     */
    public ResellerAccount withCustomerNumber(String customerNumber) {
        return new ResellerAccount(username, password, Optional.of(customerNumber), locale);
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

    @Override
    public String toString() {
        // the password is a Secret and masks itself; the user name is kept for support
        return "ResellerAccount[username=" + username + ", password=" + password + ", marketplaceCustomerNumber="
                + marketplaceCustomerNumber.orElse("-") + ", locale=" + locale + "]";
    }
}
