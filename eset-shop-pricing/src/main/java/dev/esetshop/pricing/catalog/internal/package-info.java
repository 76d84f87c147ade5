// Not API: the module does not export this package.
@NullMarked
package dev.esetshop.pricing.catalog.internal;

import org.jspecify.annotations.NullMarked;
