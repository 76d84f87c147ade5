/**
 * The license book's port: {@link dev.esetshop.sdk.license.LicenseStore} (licenses from ESET, queried by expiry,
 * customer, product and state) and the sync cursor that lets an interrupted sync resume.
 */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.sdk.license;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
