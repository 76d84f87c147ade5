// Not API: the starter's implementation, used only by its auto-configuration.
@NullMarked
package dev.esetshop.spring.internal;

import org.jspecify.annotations.NullMarked;
