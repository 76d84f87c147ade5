package dev.esetshop.testkit.internal;

import java.util.Arrays;
import java.util.Optional;

/** The calls of the protocol, by path. */
public enum Call {
    TOKEN_GET("/api/Token/Get", false, false),
    TOKEN_RENEW("/api/Token/Renew", false, false),
    PARTNER_STATUS("/api/Partner/Status", true, false),
    SEARCH_LICENSES("/api/Search/Licenses", true, false),
    LICENSE_DETAIL("/api/License/Detail", true, false),
    LICENSE_ORDER("/api/License/Order", true, true),
    LICENSE_RENEW("/api/License/Renew", true, true),
    LICENSE_CHANGE_PRODUCT("/api/License/ChangeProduct", true, true),
    LICENSE_TRIAL("/api/License/Trial", true, true),
    LICENSE_CONVERT_TRIAL("/api/License/ConvertTrial", true, true);

    private final String path;
    private final boolean partnerData;
    private final boolean order;

    Call(String path, boolean partnerData, boolean order) {
        this.path = path;
        this.partnerData = partnerData;
        this.order = order;
    }

    /** The call served at {@code path}. */
    public static Optional<Call> byPath(String path) {
        return Arrays.stream(values()).filter(call -> call.path.equals(path)).findFirst();
    }

    /** The path, such as {@code /api/Token/Get}. */
    public String path() {
        return path;
    }

    /** True for calls that need a token and the partner's access grant. */
    public boolean partnerData() {
        return partnerData;
    }

    /** True for calls that place an order and need an {@code Idempotency-Key}. */
    public boolean order() {
        return order;
    }
}
