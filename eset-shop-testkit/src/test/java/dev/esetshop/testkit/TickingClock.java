package dev.esetshop.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A fake clock that moves a fixed tick on every reading, and by hand: time passes with requests, not with waiting. */
final class TickingClock extends Clock {

    private final Instant start;
    private final long tickNanos;
    private final AtomicLong elapsedNanos = new AtomicLong();

    TickingClock(Instant start, Duration tick) {
        this.start = start;
        this.tickNanos = tick.toNanos();
    }

    void advance(Duration step) {
        elapsedNanos.addAndGet(step.toNanos());
    }

    Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return start.plusNanos(elapsedNanos.addAndGet(tickNanos));
    }
}
