// Not API: the module does not export this package.
@NullMarked
package dev.esetshop.sdk.confirm.internal;

import org.jspecify.annotations.NullMarked;
