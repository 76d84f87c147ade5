// Not API: the module does not export this package.
@NullMarked
package dev.esetshop.testkit.internal;

import org.jspecify.annotations.NullMarked;
