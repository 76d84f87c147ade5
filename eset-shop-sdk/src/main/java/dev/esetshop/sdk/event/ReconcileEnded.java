package dev.esetshop.sdk.event;

import dev.esetshop.client.WorkScope;
import dev.esetshop.sdk.ReconcileReport;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A reconcile ended ({@link ShopListener#onReconcileEnded}). */
public final class ReconcileEnded {

    private final String outcome;
    private final @Nullable ReconcileReport report;
    private final Duration took;

    /**
     * A reconcile that succeeded.
     *
     * @param outcome {@link WorkScope#SUCCESS}
     * @param report what it settled, left pending and redelivered
     * @param took how long it took by the shop's clock
     */
    public ReconcileEnded(String outcome, ReconcileReport report, Duration took) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.report = Objects.requireNonNull(report, "report");
        this.took = Objects.requireNonNull(took, "took");
    }

    /**
     * A reconcile that failed, with no report.
     *
     * @param outcome the stable code of the failure that stopped it (such as
     *     {@code STORAGE})
     * @param took how long it took by the shop's clock
     */
    public ReconcileEnded(String outcome, Duration took) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.report = null;
        this.took = Objects.requireNonNull(took, "took");
    }

    /**
     * How it ended.
     *
     * @return {@link WorkScope#SUCCESS}, or the stable code of the failure that stopped it (such as
     *     {@code STORAGE})
     */
    public String outcome() {
        return outcome;
    }

    /**
     * What it settled, left pending and redelivered.
     *
     * @return the report, empty when it failed
     */
    public Optional<ReconcileReport> report() {
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
        return other instanceof ReconcileEnded that
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
        return "ReconcileEnded[outcome=" + outcome + ", report=" + report() + ", took=" + took + "]";
    }
}
