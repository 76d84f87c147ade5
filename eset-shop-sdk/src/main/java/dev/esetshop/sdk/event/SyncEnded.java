package dev.esetshop.sdk.event;

import dev.esetshop.client.WorkScope;
import dev.esetshop.sdk.SyncReport;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A sync of the license book ended ({@link ShopListener#onSyncEnded}): a sync that stopped keeps the
 * pages it stored, and the next one resumes there. */
public final class SyncEnded {

    private final String outcome;
    private final @Nullable SyncReport report;
    private final Duration took;

    /**
     * A sync that succeeded.
     *
     * @param outcome {@link WorkScope#SUCCESS}
     * @param report what it fetched, stored and quarantined
     * @param took how long it took by the shop's clock
     */
    public SyncEnded(String outcome, SyncReport report, Duration took) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.report = Objects.requireNonNull(report, "report");
        this.took = Objects.requireNonNull(took, "took");
    }

    /**
     * A sync that failed, with no report.
     *
     * @param outcome the stable code of the failure that stopped it (such as
     *     {@code ESET_UNAVAILABLE})
     * @param took how long it took by the shop's clock
     */
    public SyncEnded(String outcome, Duration took) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.report = null;
        this.took = Objects.requireNonNull(took, "took");
    }

    /**
     * How it ended.
     *
     * @return {@link WorkScope#SUCCESS}, or the stable code of the failure that stopped it (such as
     *     {@code ESET_UNAVAILABLE})
     */
    public String outcome() {
        return outcome;
    }

    /**
     * What it fetched, stored and quarantined.
     *
     * @return the report, empty when it failed
     */
    public Optional<SyncReport> report() {
        return Optional.ofNullable(report);
    }

    /**
     * How long it took by the shop's clock.
     *
     * @return the duration
     */
    public Duration took() {
        return took;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SyncEnded that
                && outcome.equals(that.outcome)
                && Objects.equals(report, that.report)
                && took.equals(that.took);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, report, took);
    }

    @Override
    public String toString() {
        return "SyncEnded[outcome=" + outcome + ", report=" + report() + ", took=" + took + "]";
    }
}
