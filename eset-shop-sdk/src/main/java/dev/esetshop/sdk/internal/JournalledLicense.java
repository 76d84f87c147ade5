package dev.esetshop.sdk.internal;

import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The license of a confirmed order as the journal keeps it (JSON text), so a retry of the purchase is answered from the
 * journal alone, even when ESET is down and the license book lacks the license. The text holds the license key, as
 * the license book does: it is written to the journal's storage only, never logged.
 */
public final class JournalledLicense {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JournalledLicense() {}

    /** The JSON text of a license. */
    public static String toJson(License license) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("id", license.id().value());
        root.put("licenseKey", license.licenseKey().reveal());
        root.put("productCode", license.productCode().value());
        root.put("productName", license.productName());
        root.put("seats", license.seats().count());
        root.put("usedSeats", license.usedSeats());
        root.put("state", license.state().raw());
        root.put("trial", license.trial());
        license.discount().ifPresent(value -> root.put("discount", value));
        root.put("issued", license.issued().toString());
        root.put("expires", license.expires().toString());
        root.put("modified", license.modified().toString());
        OrderPayload.writeCustomer(root.putObject("customer"), license.customer());
        license.orderNumber().ifPresent(value -> root.put("orderNumber", value));
        return JSON.writeValueAsString(root);
    }

    /**
     * Reads a license {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException when the text is not such a license
     */
    public static License fromJson(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            License.Builder license = License.builder()
                    .id(LicenseId.of(root.path("id").asString()))
                    .licenseKey(Secret.of(root.path("licenseKey").asString()))
                    .productCode(ProductCode.of(root.path("productCode").asString()))
                    .productName(root.path("productName").asString())
                    .seats(Seats.of(root.path("seats").asInt()))
                    .usedSeats(root.path("usedSeats").asInt())
                    .state(LicenseState.of(root.path("state").asString()))
                    .trial(root.path("trial").asBoolean());
            OrderPayload.optionalText(root, "discount").ifPresent(license::discount);
            license.issued(LocalDate.parse(root.path("issued").asString()))
                    .expires(LocalDate.parse(root.path("expires").asString()))
                    .modified(Instant.parse(root.path("modified").asString()))
                    .customer(OrderPayload.readCustomer(root.path("customer")));
            OrderPayload.optionalText(root, "orderNumber").ifPresent(license::orderNumber);
            return license.build();
        } catch (RuntimeException unreadable) {
            // never the text itself in the message: it holds the license key
            throw new IllegalArgumentException("the journalled license cannot be read ("
                    + unreadable.getClass().getSimpleName() + ")");
        }
    }
}
