package dev.esetshop.examples.web;

import java.util.UUID;

/**
 * Every field of the order forms, as the browser posts them (a mutable bean for Spring's binding). Which ones a form
 * shows depends on the operation; {@link QuoteJson} turns them into the quote protocol's request. A form gets its
 * purchase key when it is made for rendering and carries it as a hidden field: posting that form again (a double
 * click, the back button, a retry) is the same purchase, one order.
 */
public class OrderForm {

    private String purchaseKey = UUID.randomUUID().toString();

    private String product = "";
    private int seats = 1;
    private int years = 1;
    private int months = 1;
    private String discount = "";
    private String eligibilityCode = "";
    private boolean crossgrade;
    private int crossgradeSeats;
    private String crossgradeExpires = "";
    private String crossgradeProof = "";
    private String organization = "";
    private String firstName = "";
    private String lastName = "";
    private String email = "";
    private String country = "";
    private String reference = "";
    private boolean eula;

    /** The purchase's idempotency key, made when the form was rendered. */
    public String getPurchaseKey() {
        return purchaseKey;
    }

    public void setPurchaseKey(String purchaseKey) {
        this.purchaseKey = text(purchaseKey);
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = text(product);
    }

    public int getSeats() {
        return seats;
    }

    public void setSeats(int seats) {
        this.seats = seats;
    }

    public int getYears() {
        return years;
    }

    public void setYears(int years) {
        this.years = years;
    }

    public int getMonths() {
        return months;
    }

    public void setMonths(int months) {
        this.months = months;
    }

    public String getDiscount() {
        return discount;
    }

    public void setDiscount(String discount) {
        this.discount = text(discount);
    }

    public String getEligibilityCode() {
        return eligibilityCode;
    }

    public void setEligibilityCode(String eligibilityCode) {
        this.eligibilityCode = text(eligibilityCode);
    }

    public boolean isCrossgrade() {
        return crossgrade;
    }

    public void setCrossgrade(boolean crossgrade) {
        this.crossgrade = crossgrade;
    }

    public int getCrossgradeSeats() {
        return crossgradeSeats;
    }

    public void setCrossgradeSeats(int crossgradeSeats) {
        this.crossgradeSeats = crossgradeSeats;
    }

    public String getCrossgradeExpires() {
        return crossgradeExpires;
    }

    public void setCrossgradeExpires(String crossgradeExpires) {
        this.crossgradeExpires = text(crossgradeExpires);
    }

    public String getCrossgradeProof() {
        return crossgradeProof;
    }

    public void setCrossgradeProof(String crossgradeProof) {
        this.crossgradeProof = text(crossgradeProof);
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = text(organization);
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = text(firstName);
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = text(lastName);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = text(email);
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = text(country);
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = text(reference);
    }

    public boolean isEula() {
        return eula;
    }

    public void setEula(boolean eula) {
        this.eula = eula;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
