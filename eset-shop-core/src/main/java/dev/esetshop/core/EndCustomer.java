package dev.esetshop.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The organisation a license is for, with its contact. Whether the fields are complete enough to order is a rule of
 * the shop (organisation, first and last name and a plausible email for NEW and TRIAL), checked when ordering, so a
 * record synced from ESET with a gap still reads.
 */
@Value.Immutable
public sealed interface EndCustomer permits ImmutableEndCustomer {

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
    static Builder builder() {
        return ImmutableEndCustomer.builder();
    }

    /** Collects the values of an {@link EndCustomer}; {@link #build()} checks them. */
    interface Builder {

        /** Takes every value of an instance, so a copy can change some of them. */
        Builder from(EndCustomer instance);

        /** Required. */
        Builder organization(String organization);

        /** Required. */
        Builder firstName(String firstName);

        /** Required. */
        Builder lastName(String lastName);

        /** Required. */
        Builder email(String email);

        /** Optional. */
        Builder country(String country);

        /** Optional. */
        Builder vatId(String vatId);

        /** Builds the end customer; throws {@link IllegalStateException} when a required value is missing. */
        EndCustomer build();
    }
}
