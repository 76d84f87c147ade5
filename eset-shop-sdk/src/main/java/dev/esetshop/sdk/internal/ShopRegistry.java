package dev.esetshop.sdk.internal;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.core.ResellerId;
import dev.esetshop.core.error.UnknownResellerException;
import dev.esetshop.sdk.EsetShop;
import dev.esetshop.sdk.ResellerAccount;
import dev.esetshop.sdk.ResellerDirectory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every reseller's shop of one instance: opened on first use from the directory, kept, and closed with the registry.
 * Starting it opens the storage (the schema checked, the leases) and the partner APIs' shared part. Closing fences
 * the registry: a shop opening while it closes finishes first and is closed with the others, and every later call
 * fails with an {@link IllegalStateException}, so no shop is ever left open behind a closed registry. Thread-safe.
 */
public final class ShopRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShopRegistry.class);

    /** How a reseller's shop is made from its account and partner API (the host's settings). */
    @FunctionalInterface
    public interface ShopRecipe {
        /** The reseller's shop on the given partner API. */
        EsetShop shop(ResellerId reseller, ResellerAccount account, EsetPartnerApi api);
    }

    /** What the registry opens on start. */
    private record Started(FleetLeases leases, PartnerApis apis) {}

    private final ResellerDirectory directory;
    private final ResellerStorage storage;
    private final Supplier<PartnerApis> partnerApis;
    private final ShopRecipe recipe;
    private final Map<ResellerId, EsetShop> shops = new ConcurrentHashMap<>();
    private final Map<ResellerId, EsetPartnerApi> apis = new ConcurrentHashMap<>();
    // read: any use that may open something (a shop, the storage, the transport); write: closing, once
    private final ReadWriteLock fence = new ReentrantReadWriteLock();
    private final Object startLock = new Object();
    private volatile @Nullable Started started;
    private volatile boolean closed;

    /**
     * A registry; nothing is opened yet.
     *
     * @param directory the marketplace's resellers
     * @param storage every reseller's books and journals
     * @param partnerApis opens the partner APIs' shared part, on start
     * @param recipe makes a reseller's shop
     */
    public ShopRegistry(
            ResellerDirectory directory,
            ResellerStorage storage,
            Supplier<PartnerApis> partnerApis,
            ShopRecipe recipe) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.partnerApis = Objects.requireNonNull(partnerApis, "partnerApis");
        this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    /**
     * Opens the storage and the partner APIs' shared part, once.
     *
     * @throws IllegalStateException when the registry is closed
     * @throws dev.esetshop.core.error.StorageException when the database cannot be reached or migrated
     */
    public void start() {
        whileOpen(this::started);
    }

    /**
     * The reseller's shop, opened on first use.
     *
     * @throws UnknownResellerException when the directory does not know the reseller
     * @throws IllegalStateException when the registry is closed
     */
    public EsetShop shop(ResellerId reseller) {
        Objects.requireNonNull(reseller, "reseller");
        return whileOpen(() -> {
            Started running = started();
            return shops.computeIfAbsent(reseller, id -> open(id, running.apis()));
        });
    }

    /**
     * The leases of fleet syncs (and what the storage holds open), the registry started.
     *
     * @throws IllegalStateException when the registry is closed
     */
    public FleetLeases leases() {
        return whileOpen(() -> started().leases());
    }

    /** The resellers whose shop is open. */
    public List<ResellerId> opened() {
        return List.copyOf(shops.keySet());
    }

    /**
     * Closes every shop opened and the partner APIs of their resellers, then the APIs' shared part; later calls fail.
     * Idempotent.
     */
    @Override
    public void close() {
        Lock closing = fence.writeLock();
        closing.lock();
        try {
            if (closed) {
                return;
            }
            // no shop opens past this point: every opening held the read lock and checked this flag under it
            closed = true;
        } finally {
            closing.unlock();
        }
        shops.values().forEach(EsetShop::close);
        apis.values().forEach(api -> {
            try {
                api.close();
            } catch (Exception e) {
                LOG.warn("closing a reseller's ESET client failed: {}", e.toString());
            }
        });
        shops.clear();
        apis.clear();
        Started running = started;
        if (running != null) {
            running.apis().close();
        }
    }

    private <T> T whileOpen(Supplier<T> use) {
        Lock using = fence.readLock();
        using.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the registry of shops is closed");
            }
            return use.get();
        } finally {
            using.unlock();
        }
    }

    private Started started() {
        Started running = started;
        if (running != null) {
            return running;
        }
        synchronized (startLock) {
            running = started;
            if (running == null) {
                FleetLeases leases = storage.open();
                running = new Started(leases, partnerApis.get());
                started = running;
            }
            return running;
        }
    }

    private EsetShop open(ResellerId reseller, PartnerApis partners) {
        ResellerAccount account =
                directory.account(reseller).orElseThrow(() -> new UnknownResellerException(reseller.value()));
        EsetPartnerApi api = partners.open(account);
        try {
            EsetShop shop = recipe.shop(reseller, account, api);
            apis.put(reseller, api);
            return shop;
        } catch (RuntimeException e) {
            try {
                api.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
