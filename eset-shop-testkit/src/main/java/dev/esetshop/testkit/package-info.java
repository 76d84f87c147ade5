/** {@code EsetSandbox}: an in-process server of ESET's partner API protocol on a loopback port, with faults. */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.testkit;

import org.immutables.value.Value;
