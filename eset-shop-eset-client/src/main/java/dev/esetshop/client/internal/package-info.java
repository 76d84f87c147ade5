// Not API: the module does not export this package.
@NullMarked
package dev.esetshop.client.internal;

import org.jspecify.annotations.NullMarked;
