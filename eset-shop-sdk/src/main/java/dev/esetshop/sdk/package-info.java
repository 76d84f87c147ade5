/** {@code EsetShop}: partner status, sync, license book, quotes, exactly-once orders, reports and confirmations. */
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE)
package dev.esetshop.sdk;

import org.immutables.value.Value;
