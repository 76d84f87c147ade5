package dev.esetshop.client;

/** Canned wire JSON for tests. */
public final class Fixtures {

    public static final String PARTNER_JSON = "{\"partnerId\":\"P-100\",\"companyName\":\"Reseller GmbH\","
            + "\"email\":\"ops@reseller.example\",\"level\":\"GOLD\",\"margin\":0.25,\"newField\":{\"x\":1}}";

    private Fixtures() {}

    /** A valid license record. */
    public static String license(String id, String key) {
        return license(id, key, "NORMAL");
    }

    /** A valid license record in the given state. */
    public static String license(String id, String key, String state) {
        return "{\"publicLicenseId\":\"" + id + "\",\"licenseKey\":\"" + key + "\",\"productCode\":\"EAVB\","
                + "\"productName\":\"ESET PROTECT Entry\",\"seats\":25,\"usedSeats\":3,\"state\":\"" + state + "\","
                + "\"trial\":false,\"discount\":\"GOV\",\"issued\":\"2026-01-15\",\"expires\":\"2027-01-14\","
                + "\"modified\":\"2026-11-01T08:30:00Z\",\"futureField\":[1,2],"
                + "\"customer\":{\"organization\":\"Muster AG\",\"firstName\":\"Erika\",\"lastName\":\"Muster\","
                + "\"email\":\"erika@muster.example\",\"country\":\"DE\"}}";
    }
}
