/** {@code EsetSandbox}: an in-process server of ESET's partner API protocol on a loopback port, with faults. */
// Immutables writes the implementations; they and their builders stay package-private, the API is X and X.Builder
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE)
@NullMarked
package dev.esetshop.testkit;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
