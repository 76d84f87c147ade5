package dev.esetshop.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when told, and a waiter that records each asked wait and moves the clock by it. */
public final class FakeTime extends Clock implements Waiter {

    private final AtomicReference<Instant> now;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public FakeTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A fake time at a fixed instant. */
    public static FakeTime at2026() {
        return new FakeTime(Instant.parse("2026-11-24T12:00:00Z"));
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** The waits asked so far, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    @Override
    public void await(Duration duration) {
        waits.add(duration);
        advance(duration);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
