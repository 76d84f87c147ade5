package dev.esetshop.sdk;

/** Told after every page of a {@link EsetShop#sync(SyncProgress)}, e.g. to drive a progress bar. */
@FunctionalInterface
public interface SyncProgress {

    /** Ignores the progress. */
    SyncProgress NONE = (done, total) -> {};

    /**
     * Called after a page was stored.
     *
     * @param done how many records of this run are processed (a resumed run starts where the last one stopped)
     * @param total how many records the run has in all, as ESET counts them
     */
    void onPage(int done, int total);
}
