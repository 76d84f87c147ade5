package dev.esetshop.spring;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.FleetSyncReport;
import dev.esetshop.sdk.ResellerFailure;
import dev.esetshop.sdk.remind.ReminderReport;
import java.util.List;
import java.util.Map;
import org.springframework.context.SmartLifecycle;

/**
 * The starter's timers of the fleet sync, the reconcile and the renewal reminders ({@code eset.shop.sync.*},
 * {@code eset.shop.reconcile.*}, {@code eset.shop.reminders.*}), started and stopped with the application context.
 * A host runs a round by hand through this bean (an operator's button, a test), or replaces it with its own bean.
 */
public interface EsetShopScheduler extends SmartLifecycle {

    /**
     * One round of the fleet sync: every book older than {@code eset.shop.sync.max-age}.
     *
     * @return the round's report
     */
    FleetSyncReport syncAll();

    /**
     * One round of reconcile: every reseller with open orders or undelivered confirmations in the database; a
     * reseller that fails is logged and the round goes on.
     *
     * @return the resellers whose reconcile failed, each with the failure's stable code and whether a retry may help
     */
    List<ResellerFailure> reconcileAll();

    /**
     * One round of renewal reminders to the host's {@link RenewalRemindersHandler}; a reseller that fails is logged
     * and the round goes on.
     *
     * @return each reseller's report, in the directory's order
     */
    Map<ResellerId, ReminderReport> remindAll();
}
