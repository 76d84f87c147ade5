package dev.esetshop.core;

import java.util.Optional;

/**
 * ESET's rule refusals (HTTP 400, code {@value #RULE_CODE}) by their sub-code, named once for the whole project:
 * the client reads them, the SDK turns them into violations in the reseller's language, and the sandbox answers
 * with them. A sub-code ESET adds later is {@link #OTHER}: still a refusal, worded generically, its number kept.
 */
public enum EsetRefusal {
    /** 8/18: the quantity is not valid, such as an extension that adds no seats. */
    BAD_QUANTITY(
            18,
            ViolationCode.QUANTITY_NOT_ALLOWED,
            "QUANTITY_NOT_ALLOWED",
            "seats",
            "the quantity is not valid for this product"),
    /** 8/27: the product is not available to this partner. */
    PRODUCT_NOT_AVAILABLE(
            27,
            ViolationCode.PRODUCT_NOT_AVAILABLE,
            "PRODUCT_NOT_AVAILABLE",
            "product",
            "the product is not available to this partner"),
    /** 8/30: the quantity is outside the product's range. */
    QUANTITY_OUT_OF_RANGE(
            30,
            ViolationCode.SEATS_OUT_OF_RANGE,
            "SEATS_OUT_OF_RANGE.eset",
            "seats",
            "the quantity is out of the product's range"),
    /** 8/32: no trial of this length for this product or customer. */
    TRIAL_NOT_ALLOWED(
            32,
            ViolationCode.TRIAL_NOT_OFFERED,
            "TRIAL_NOT_OFFERED.eset",
            "months",
            "a trial is not allowed for this customer or product"),
    /** 8/37: the license has expired. */
    LICENSE_EXPIRED(37, ViolationCode.LICENSE_EXPIRED, "LICENSE_EXPIRED.eset", "license", "the license has expired"),
    /** 8/45: the product change is not available for this license. */
    PRODUCT_CHANGE_UNAVAILABLE(
            45,
            ViolationCode.PRODUCT_CHANGE_NOT_OFFERED,
            "PRODUCT_CHANGE_NOT_OFFERED.eset",
            "targetProduct",
            "the product change is not available for this license"),
    /** 8/48: the license of a trial conversion is not a trial. */
    NOT_A_TRIAL(48, ViolationCode.NOT_A_TRIAL, "NOT_A_TRIAL.eset", "license", "the license is not a trial"),
    /** Any other sub-code: a rule of ESET the shop does not know by name. */
    OTHER(-1, ViolationCode.ESET_REFUSED, "ESET_REFUSED", "order", "the request breaks one of ESET's rules");

    /** ESET's error code of every rule refusal. */
    public static final int RULE_CODE = 8;

    private final int subCode;
    private final ViolationCode violationCode;
    private final String messageKey;
    private final String field;
    private final String description;

    EsetRefusal(int subCode, ViolationCode violationCode, String messageKey, String field, String description) {
        this.subCode = subCode;
        this.violationCode = violationCode;
        this.messageKey = messageKey;
        this.field = field;
        this.description = description;
    }

    /** The refusal of a sub-code; {@link #OTHER} for one not named here. */
    public static EsetRefusal of(int subCode) {
        for (EsetRefusal refusal : values()) {
            if (refusal.subCode == subCode && refusal != OTHER) {
                return refusal;
            }
        }
        return OTHER;
    }

    /** ESET's sub-code; empty for {@link #OTHER}, which stands for every unnamed one. */
    public Optional<Integer> subCode() {
        return this == OTHER ? Optional.empty() : Optional.of(subCode);
    }

    /** The sub-code as sent on the wire (the sandbox answers with it); {@code OTHER} has none. */
    public int wireSubCode() {
        return subCode().orElseThrow(() -> new IllegalStateException("OTHER stands for unnamed sub-codes"));
    }

    /** The violation code the refusal becomes. */
    public ViolationCode violationCode() {
        return violationCode;
    }

    /** The request field the refusal concerns, as the quote protocol names it. */
    public String field() {
        return field;
    }

    /** An English description for logs and exception messages (users get {@link #violation}'s message). */
    public String description() {
        return description;
    }

    /**
     * The refusal as a violation: its message says the reason in the reseller's language and quotes ESET's codes;
     * the arguments keep ESET's codes ({@code 8/37}) first and ESET's own text second, as ESET said them.
     */
    public Violation violation(int esetCode, int esetSubCode, String esetMessage) {
        return Violation.withKey(violationCode, messageKey, field, esetCode + "/" + esetSubCode, esetMessage);
    }
}
