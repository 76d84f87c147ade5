package dev.esetshop.client.internal;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Full jitter never waits less than nothing nor more than the exponential ceiling, and the cap holds. */
class BackoffPropertyTest {

    @Test
    void everyWaitLiesBetweenZeroAndTheCappedExponentialCeiling() {
        qt().withFixedSeed(20261124L)
                .withExamples(1000)
                .forAll(integers().between(1, 64), longs().between(1, 5_000), longs().between(1, 60_000), longs().all())
                .assuming((attempt, base, cap, seed) -> base <= cap)
                .check((attempt, base, cap, seed) -> {
                    long wait = ResilientExchange.fullJitter(attempt, base, cap, new Random(seed));
                    long ceiling = Math.min(cap, base * (1L << Math.min(attempt - 1, 30)));
                    return wait >= 0 && wait <= ceiling && wait <= cap;
                });
    }

    @Test
    void theSameSeedGivesTheSameWait() {
        qt().withFixedSeed(7L)
                .withExamples(1000)
                .forAll(integers().between(1, 20), longs().all())
                .check((attempt, seed) -> ResilientExchange.fullJitter(attempt, 200, 10_000, new Random(seed))
                        == ResilientExchange.fullJitter(attempt, 200, 10_000, new Random(seed)));
    }
}
