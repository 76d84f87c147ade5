// Not API: the module does not export this package.
@NullMarked
package dev.esetshop.sdk.jdbc.internal;

import org.jspecify.annotations.NullMarked;
