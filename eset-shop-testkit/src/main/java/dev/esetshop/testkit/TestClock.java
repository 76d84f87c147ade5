package dev.esetshop.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for tests that moves only when told, or by a fixed tick on every reading: token lifetimes, retry back-offs,
 * rate windows and journal leases then pass with the test's steps instead of real waiting. Thread-safe; every view
 * made by {@link #withZone(ZoneId)} shares the same time.
 */
public final class TestClock extends Clock {

    private final Instant start;
    private final long tickNanos;
    private final AtomicLong elapsedNanos;
    private final ZoneId zone;

    private TestClock(Instant start, long tickNanos, AtomicLong elapsedNanos, ZoneId zone) {
        this.start = start;
        this.tickNanos = tickNanos;
        this.elapsedNanos = elapsedNanos;
        this.zone = zone;
    }

    /** A clock standing at {@code start} (UTC) until {@link #advance(Duration)} moves it. */
    public static TestClock at(Instant start) {
        return ticking(start, Duration.ZERO);
    }

    /** A clock that also moves {@code tick} forward on every reading, so time passes with each request. */
    public static TestClock ticking(Instant start, Duration tick) {
        Objects.requireNonNull(start, "start");
        if (tick.isNegative()) {
            throw new IllegalArgumentException("a clock cannot tick backwards: " + tick);
        }
        return new TestClock(start, tick.toNanos(), new AtomicLong(), ZoneOffset.UTC);
    }

    /** Moves the clock forward. */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + step);
        }
        elapsedNanos.addAndGet(step.toNanos());
    }

    /** How far the clock has moved since its start, ticks included. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public TestClock withZone(ZoneId zone) {
        return new TestClock(start, tickNanos, elapsedNanos, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public Instant instant() {
        return start.plusNanos(tickNanos == 0 ? elapsedNanos.get() : elapsedNanos.addAndGet(tickNanos));
    }

    @Override
    public String toString() {
        return "TestClock[" + start.plusNanos(elapsedNanos.get()) + ", " + zone + "]";
    }
}
