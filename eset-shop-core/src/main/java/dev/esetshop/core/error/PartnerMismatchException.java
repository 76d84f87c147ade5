package dev.esetshop.core.error;

/**
 * A license store or order journal belongs to another ESET partner than the shop using it: one database (or schema)
 * holds one reseller's licenses, orders and sync cursor, so a shop with another reseller's credentials is refused
 * before it reads or writes anything.
 */
public final class PartnerMismatchException extends EsetShopException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "PARTNER_MISMATCH";

    private final String storedPartnerId;
    private final String shopPartnerId;

    /** The storage is bound to {@code storedPartnerId}; the shop's credentials are those of {@code shopPartnerId}. */
    public PartnerMismatchException(String what, String storedPartnerId, String shopPartnerId) {
        super(
                "The " + what + " belongs to ESET partner " + storedPartnerId + ", but this shop's credentials are"
                        + " those of partner " + shopPartnerId + ". Give every reseller its own database (or schema).",
                null);
        this.storedPartnerId = storedPartnerId;
        this.shopPartnerId = shopPartnerId;
    }

    /** The partner the storage belongs to. */
    public String storedPartnerId() {
        return storedPartnerId;
    }

    /** The partner of the shop that was refused. */
    public String shopPartnerId() {
        return shopPartnerId;
    }

    /**
     * The storage stays another partner's; give the reseller its own.
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
