// Not API: the module does not export this package.
@NullMarked
package dev.esetshop.pricing.internal;

import org.jspecify.annotations.NullMarked;
