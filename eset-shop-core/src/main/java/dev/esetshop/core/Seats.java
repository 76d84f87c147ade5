package dev.esetshop.core;

import org.immutables.value.Value;

/** A number of seats (devices or users) a license covers; at least 1. */
@Value.Immutable
public abstract class Seats implements Comparable<Seats> {

    /** Only the generated implementation extends it. */
    Seats() {}

    /** The count, at least 1. */
    @Value.Parameter
    public abstract int count();

    /**
     * Wraps a seat count.
     *
     * @throws IllegalArgumentException when the count is below 1
     */
    public static Seats of(int count) {
        return ImmutableSeats.of(count);
    }

    @Override
    public int compareTo(Seats other) {
        return Integer.compare(count(), other.count());
    }

    @Override
    public String toString() {
        return Integer.toString(count());
    }

    @Value.Check
    void check() {
        if (count() < 1) {
            throw new IllegalArgumentException("seats must be at least 1, not " + count());
        }
    }
}
