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
    static Builder builder() {
        return ImmutableEndCustomer.builder();
    }

    /** Collects the values of a {@link EndCustomer}; {@link #build()} checks them. */
    interface Builder {

        /**
         * Takes every value of an instance, so a copy can change some of them.
         *
         * @param instance the value to copy
         * @return this builder
         */
        Builder from(EndCustomer instance);

        /**
         * Sets {@link EndCustomer#organization()}.
         *
         * @param organization the value
         * @return this builder
         */
        Builder organization(String organization);

        /**
         * Sets {@link EndCustomer#firstName()}.
         *
         * @param firstName the value
         * @return this builder
         */
        Builder firstName(String firstName);

        /**
         * Sets {@link EndCustomer#lastName()}.
         *
         * @param lastName the value
         * @return this builder
         */
        Builder lastName(String lastName);

        /**
         * Sets {@link EndCustomer#email()}.
         *
         * @param email the value
         * @return this builder
         */
        Builder email(String email);

        /**
         * Sets {@link EndCustomer#country()}.
         *
         * @param country the value
         * @return this builder
         */
        Builder country(String country);

        /**
         * Sets {@link EndCustomer#country()}.
         *
         * @param country the value
         * @return this builder
         */
        Builder country(Optional<String> country);

        /**
         * Sets {@link EndCustomer#vatId()}.
         *
         * @param vatId the value
         * @return this builder
         */
        Builder vatId(String vatId);

        /**
         * Sets {@link EndCustomer#vatId()}.
         *
         * @param vatId the value
         * @return this builder
         */
        Builder vatId(Optional<String> vatId);

        /**
         * Builds the value.
         *
         * @return the EndCustomer
         * @throws IllegalStateException when a required value is missing
         * @throws IllegalArgumentException when the values are not valid together
         */
        EndCustomer build();
    }
}
