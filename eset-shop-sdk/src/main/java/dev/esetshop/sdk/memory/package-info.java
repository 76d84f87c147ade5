/** In-memory adapters of the storage ports, for tests, demos and a single-instance shop that re-syncs at start. */
@NullMarked
package dev.esetshop.sdk.memory;

import org.jspecify.annotations.NullMarked;
