package dev.esetshop.core.error;

/**
 * ESET refused the request by one of its rules (400, code 8 with a sub-code such as 30, quantity out of range).
 * Retrying the same request does not help.
 */
public final class EsetRuleRefusedException extends EsetApiException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "ESET_RULE_REFUSED";

    private final int esetCode;
    private final int subCode;

    public EsetRuleRefusedException(String message, int esetCode, int subCode, Failure failure) {
        super(message + " (ESET code " + esetCode + "/" + subCode + ")", failure);
        this.esetCode = esetCode;
        this.subCode = subCode;
    }

    /** ESET's error code (8 for rule refusals). */
    public int esetCode() {
        return esetCode;
    }

    /** ESET's sub-code: 18 bad quantity, 27 product not available, 30 quantity out of range, 32 trial not allowed,
     * 37 license expired, 45 product change unavailable. */
    public int subCode() {
        return subCode;
    }

    @Override
    public String code() {
        return CODE;
    }
}
