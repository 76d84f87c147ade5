package dev.esetshop.core.error;

import dev.esetshop.core.EsetRefusal;

/**
 * ESET refused the request by one of its rules (400, code 8 with a sub-code such as 30, quantity out of range).
 * Retrying the same request does not help.
 */
public final class EsetRuleRefusedException extends EsetRefusedException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "ESET_RULE_REFUSED";

    private final int esetCode;
    private final int subCode;
    private final String esetMessage;

    public EsetRuleRefusedException(String message, int esetCode, int subCode, Failure failure) {
        this(message, esetCode, subCode, "", failure);
    }

    /** A refusal that keeps ESET's own text apart from the message, to show beside a translated reason. */
    public EsetRuleRefusedException(String message, int esetCode, int subCode, String esetMessage, Failure failure) {
        super(message + " (ESET code " + esetCode + "/" + subCode + ")", failure);
        this.esetCode = esetCode;
        this.subCode = subCode;
        this.esetMessage = esetMessage;
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

    /** The refusal the sub-code names ({@link EsetRefusal#OTHER} for one the shop does not know). */
    public EsetRefusal refusal() {
        return EsetRefusal.of(subCode);
    }

    /** ESET's own text of the refusal, as ESET wrote it (may be empty). */
    public String esetMessage() {
        return esetMessage;
    }

    @Override
    public String code() {
        return CODE;
    }
}
