package dev.esetshop.sdk.jdbc;

import dev.esetshop.core.License;
import java.util.List;

/** Deterministic licenses for storage and report tests: the testkit's, which the storage contracts use too. */
public final class SampleLicenses {

    private SampleLicenses() {}

    /** The license number {@code i} of a deterministic book: every field derived from {@code i} and a seed. */
    public static License license(int i) {
        return dev.esetshop.testkit.SampleLicenses.license(i);
    }

    /** Licenses {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<License> licenses(int from, int to) {
        return dev.esetshop.testkit.SampleLicenses.licenses(from, to);
    }
}
