package dev.esetshop.examples.web;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.LicenseFilter;
import dev.esetshop.sdk.present.ShopPresentation;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The license list's filters and sort as the page's query string carries them ({@code customer}, {@code product},
 * {@code state}, {@code expiring} days, {@code trials}, {@code sort}, {@code page}): one definition for the page and
 * its CSV and Excel exports, so an export holds exactly the rows the page lists, in the same order.
 */
public class LicenseList {

    /** The states a reseller can filter by. */
    static final List<String> STATES = List.of("NORMAL", "SUSPENDED", "EXPIRED");

    /** The sorts the list offers, by their parameter value. */
    static final List<String> SORTS = List.of("expiry", "customer", "product");

    /** Why a list is empty, as a message key of the page. */
    enum EmptyReason {
        /** The book was never synced with ESET: the licenses are not in the shop yet. */
        NEVER_SYNCED,
        /** The filters exclude every license. */
        NO_MATCH,
        /** The book has no license in the renewal window. */
        NO_LICENSES
    }

    private String customer = "";
    private String product = "";
    private String state = "";
    private Integer expiring;
    private boolean trials;
    private String sort = "expiry";
    private int page = 1;

    /** The licenses the filters keep, in the chosen order. */
    List<License> licenses(EsetShop shop) {
        LicenseFilter.Builder filter = LicenseFilter.builder().includeTrials(trials);
        if (!customer.isBlank()) {
            filter.customerText(customer.strip());
        }
        if (ProductCode.isValid(product)) {
            filter.product(ProductCode.of(product));
        }
        if (expiring != null && expiring >= 0) {
            filter.expiringWithinDays(expiring);
        }
        return shop.renewableLicenses(filter.build()).stream()
                .filter(license -> state.isBlank() || license.state().raw().equalsIgnoreCase(state))
                .sorted(order())
                .toList();
    }

    /** Why the filtered list is empty. */
    EmptyReason emptyReason(EsetShop shop) {
        if (shop.status().lastSync().isEmpty()) {
            return EmptyReason.NEVER_SYNCED;
        }
        return filtered() ? EmptyReason.NO_MATCH : EmptyReason.NO_LICENSES;
    }

    /** Whether any filter is set. */
    boolean filtered() {
        return !customer.isBlank() || !product.isBlank() || !state.isBlank() || expiring != null;
    }

    /** One option of a select: its value and its label. */
    record Choice(String value, String label) {}

    /** The state filter's options, labelled in the presentation's language. */
    static List<Choice> stateChoices(ShopPresentation present) {
        return STATES.stream()
                .map(state -> new Choice(state, present.state(LicenseState.of(state))))
                .toList();
    }

    private Comparator<License> order() {
        Comparator<License> byExpiry = Comparator.comparing(License::expires);
        Comparator<License> byId = Comparator.comparing(license -> license.id().value());
        return switch (sort) {
            case "customer" ->
                Comparator.comparing((License license) ->
                                license.customer().organization().toLowerCase(Locale.ROOT))
                        .thenComparing(byExpiry)
                        .thenComparing(byId);
            case "product" ->
                Comparator.comparing((License license) -> license.productCode().value())
                        .thenComparing(byExpiry)
                        .thenComparing(byId);
            default -> byExpiry.thenComparing(byId);
        };
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer == null ? "" : customer;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product == null ? "" : product;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state == null ? "" : state;
    }

    public Integer getExpiring() {
        return expiring;
    }

    public void setExpiring(Integer expiring) {
        this.expiring = expiring;
    }

    public boolean isTrials() {
        return trials;
    }

    public void setTrials(boolean trials) {
        this.trials = trials;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = SORTS.contains(sort) ? sort : "expiry";
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
