/**
 * The license book's port: {@link dev.esetshop.sdk.license.LicenseStore} (licenses from ESET, queried by expiry,
 * customer, product and state) and the sync cursor that lets an interrupted sync resume.
 */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.sdk.license;

import org.immutables.value.Value;
