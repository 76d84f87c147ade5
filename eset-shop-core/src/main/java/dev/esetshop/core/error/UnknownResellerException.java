package dev.esetshop.core.error;

/** The marketplace's reseller directory does not know the reseller (or no longer does): no shop is built for it. */
public final class UnknownResellerException extends EsetShopException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "UNKNOWN_RESELLER";

    private final String resellerId;

    /**
     * The directory has no account for the reseller.
     *
     * @param resellerId the marketplace's id of the reseller
     */
    public UnknownResellerException(String resellerId) {
        super(
                "The reseller " + resellerId + " is not in the marketplace's reseller directory; add it there (with its"
                        + " ESET credentials) before opening its shop.",
                null);
        this.resellerId = resellerId;
    }

    /**
     * The reseller that was asked for.
     *
     * @return its id
     */
    public String resellerId() {
        return resellerId;
    }

    /**
     * The directory must learn the reseller first.
     *
     * @return {@code false}
     */
    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public String code() {
        return CODE;
    }
}
