package dev.esetshop.examples.chaos;

import dev.esetshop.core.ResellerId;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import dev.esetshop.testkit.EsetSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resellers of a multi-instance run: reseller {@code <run>-<i>} is partner {@code i} of a sandbox hosting that many
 * partners. The run's own prefix keeps each run's rows apart in a database that earlier runs used.
 */
public final class SandboxResellers implements ResellerDirectory {

    private final String run;
    private final List<ResellerId> resellers;

    /** The {@code count} resellers of run {@code run}. */
    public SandboxResellers(String run, int count) {
        this.run = run;
        List<ResellerId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(reseller(i));
        }
        this.resellers = List.copyOf(ids);
    }

    /** Reseller {@code index}. */
    public ResellerId reseller(int index) {
        return ResellerId.of(run + "-" + index);
    }

    /** The index of a reseller of this run. */
    int index(ResellerId reseller) {
        return Integer.parseInt(reseller.value().substring(run.length() + 1));
    }

    @Override
    public Optional<ResellerAccount> account(ResellerId reseller) {
        if (!reseller.value().startsWith(run + "-")) {
            return Optional.empty();
        }
        int index = index(reseller);
        return index < resellers.size()
                ? Optional.of(ResellerAccount.of(EsetSandbox.usernameOf(index), EsetSandbox.passwordOf(index)))
                : Optional.empty();
    }

    @Override
    public List<ResellerId> resellers() {
        return resellers;
    }
}
