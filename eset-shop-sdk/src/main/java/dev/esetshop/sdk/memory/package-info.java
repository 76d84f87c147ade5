/** In-memory adapters of the storage ports, for tests, demos and a single-instance shop that re-syncs at start. */
package dev.esetshop.sdk.memory;
