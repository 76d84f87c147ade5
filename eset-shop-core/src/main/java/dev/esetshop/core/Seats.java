package dev.esetshop.core;

/**
 * A number of seats (devices or users) a license covers; at least 1.
 *
 * @param count the count, at least 1
 */
public record Seats(int count) implements Comparable<Seats> {

    /**
     * Wraps a seat count.
     *
     * @throws IllegalArgumentException when the count is below 1
     */
    public Seats {
        if (count < 1) {
            throw new IllegalArgumentException("seats must be at least 1, not " + count);
        }
    }

    /** Wraps a seat count; see {@link #Seats(int)}. */
    public static Seats of(int count) {
        return new Seats(count);
    }

    @Override
    public int compareTo(Seats other) {
        return Integer.compare(count, other.count);
    }

    @Override
    public String toString() {
        return Integer.toString(count);
    }
}
