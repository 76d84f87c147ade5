package dev.esetshop.client;

/**
 * What a listener keeps while a piece of work runs (an ESET call, an order, a sync, a reconcile), typically a tracing
 * span: returned when the work starts and ended once, on the thread that started it, when the work ends. The starter
 * maps it onto a Micrometer {@code Observation}, so the SDK and the client stay free of any tracing library.
 */
@FunctionalInterface
public interface WorkScope {

    /** The outcome of work that ended as it should (an answered call, a completed sync or reconcile). */
    String SUCCESS = "success";

    /** A scope that does nothing when it ends. */
    WorkScope NONE = outcome -> {};

    /**
     * The work ended.
     *
     * @param outcome how, one of a small fixed set: {@code success} or a stable error code for an ESET call,
     *     {@code ordered}, {@code refused} or {@code pending} for an order, {@code success} or a stable error code
     *     for a sync or a reconcile
     */
    void end(String outcome);
}
