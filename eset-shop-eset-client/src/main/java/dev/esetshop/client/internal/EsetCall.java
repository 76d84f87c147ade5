package dev.esetshop.client.internal;

/** The calls of the wire protocol, with their path below {@code {base}/api/}. */
public enum EsetCall {
    TOKEN_GET("Token/Get", false),
    TOKEN_RENEW("Token/Renew", false),
    PARTNER_STATUS("Partner/Status", true),
    SEARCH_LICENSES("Search/Licenses", true),
    LICENSE_DETAIL("License/Detail", true),
    LICENSE_ORDER("License/Order", true),
    LICENSE_RENEW("License/Renew", true),
    LICENSE_CHANGE_PRODUCT("License/ChangeProduct", true),
    LICENSE_TRIAL("License/Trial", true),
    LICENSE_CONVERT_TRIAL("License/ConvertTrial", true);

    private final String path;
    private final boolean authenticated;

    EsetCall(String path, boolean authenticated) {
        this.path = path;
        this.authenticated = authenticated;
    }

    /** The call's name, such as {@code License/Detail}. */
    public String call() {
        return path;
    }

    /** The HTTP path of the call, such as {@code /api/License/Detail}. */
    public String path() {
        return "/api/" + path;
    }

    /** True when the call needs a bearer token (every call but the token calls). */
    public boolean authenticated() {
        return authenticated;
    }

    @Override
    public String toString() {
        return path;
    }
}
