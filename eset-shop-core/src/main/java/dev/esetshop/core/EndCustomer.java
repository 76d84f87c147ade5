package dev.esetshop.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The organisation a license is for, with its contact. Whether the fields are complete enough to order is a rule of
 * the shop (organisation, first and last name and a plausible email for NEW and TRIAL), checked when ordering, so a
 * record synced from ESET with a gap still reads.
 */
@Value.Immutable
public interface EndCustomer {

    /** The organisation's name. */
    String organization();

    /** The contact's first name. */
    String firstName();

    /** The contact's last name. */
    String lastName();

    /** The contact's email address. */
    String email();

    /** ISO 3166 country code, when known. */
    Optional<String> country();

    /** VAT id, when known. */
    Optional<String> vatId();

    /** A builder; every field but country and VAT id is required. */
    static ImmutableEndCustomer.Builder builder() {
        return ImmutableEndCustomer.builder();
    }
}
