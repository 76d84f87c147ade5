package dev.esetshop.core.error;

/** ESET knows no license with the given public license id (404). */
public final class LicenseNotFoundException extends EsetRefusedException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    public static final String CODE = "LICENSE_NOT_FOUND";

    public LicenseNotFoundException(String message, Failure failure) {
        super(message, failure);
    }

    @Override
    public String code() {
        return CODE;
    }
}
