package dev.esetshop.sdk;

import dev.esetshop.client.EsetPartnerApi;
import dev.esetshop.client.LicensePage;
import dev.esetshop.client.LicenseRecord;
import dev.esetshop.client.NewLicenseOrder;
import dev.esetshop.client.OrderReceipt;
import dev.esetshop.client.ProductChangeOrder;
import dev.esetshop.client.RenewalOrder;
import dev.esetshop.client.TrialConversionOrder;
import dev.esetshop.client.TrialOrder;
import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.IdempotencyKey;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.core.LicenseState;
import dev.esetshop.core.PartnerLevel;
import dev.esetshop.core.PartnerStatus;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Seats;
import dev.esetshop.core.Secret;
import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.ClientClosedException;
import dev.esetshop.core.error.EsetApiException.Failure;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.EsetUnavailableException;
import dev.esetshop.core.error.IdempotencyConflictException;
import dev.esetshop.core.error.LicenseNotFoundException;
import dev.esetshop.core.error.TransportException;
import dev.esetshop.core.error.UnauthorizedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An in-memory ESET for tests: licenses, orders by idempotency key, call counters and faults programmed per call.
 * Not thread-safe beyond what its synchronized methods give; tests drive it from one thread.
 *
 * <p>The SDK tests' one stub ESET. Tests of the protocol end to end (HTTP, tokens, seeded random faults) run on the
 * testkit's {@code EsetSandbox}; this stub is for what a seeded sandbox cannot aim: a fault on one exact call (this
 * order is committed and its answer lost, that one refused), a hook inside an answer, and exact call counts. The
 * prices come from the real rule engine over {@link Fixtures#CATALOG}, never from a second one.
 */
final class FakeEsetApi implements EsetPartnerApi {

    /** What the next order call does. */
    enum Fault {
        /** Answers normally. */
        NONE,
        /** Fails before ESET applies anything (a 503). */
        FAIL_BEFORE,
        /** Applies the order, then the answer is lost (commit then lose). */
        LOSE_AFTER_COMMIT,
        /** Refuses the order by a rule (400, code 8/30). */
        REFUSE,
        /**
         * The client's first attempt timed out after ESET applied the order, and its retry was refused by a rule (400,
         * 8/30, after 2 attempts).
         */
        APPLY_THEN_REFUSE_RETRY,
        /** Refuses the token even after a new login (401), without applying anything. */
        UNAUTHORIZED,
        /** Answers 409 (key already used with another body), without applying anything. */
        CONFLICT,
        /** The client was closed: nothing is sent. */
        CLOSED
    }

    private final Clock clock;
    private final TreeMap<String, LicenseRecord> records = new TreeMap<>();
    private final Map<String, Instant> modified = new HashMap<>();
    private final Map<IdempotencyKey, Object> bodies = new HashMap<>();
    private final Map<IdempotencyKey, OrderReceipt> answers = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicInteger nextLicense = new AtomicInteger(1);
    final AtomicInteger orderCalls = new AtomicInteger();
    final AtomicInteger licensesIssued = new AtomicInteger();
    final AtomicInteger partnerStatusCalls = new AtomicInteger();
    final AtomicInteger searchCalls = new AtomicInteger();
    final List<Integer> searchSkips = new ArrayList<>();
    boolean accessGranted = true;
    BigDecimal margin = new BigDecimal("0.25");
    int failSearchOnCall = -1;
    String partnerId = "P-1001";
    /** Runs once, inside the next search call before it answers (a slow page). */
    Runnable whileSearching;
    /** ESET in maintenance: every call answers 503 and nothing is applied. */
    volatile boolean maintenance;
    /** Shapes every receipt ESET sends (an odd order number, odd license text); as it is by default. */
    volatile java.util.function.UnaryOperator<OrderReceipt> receipts = receipt -> receipt;
    /** Runs once, inside the next order call after ESET applied it and before it answers (a slow answer). */
    Runnable whileAnswering;

    FakeEsetApi(Clock clock) {
        this.clock = clock;
    }

    /** Programs the next order calls' faults, in order; calls after them succeed. */
    synchronized FakeEsetApi fault(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    synchronized void put(License license) {
        records.put(license.id().value(), new LicenseRecord.Valid(license));
        modified.put(license.id().value(), license.modified());
    }

    synchronized void putMalformed(String id, String reason, Instant at) {
        records.put(id, LicenseRecord.Malformed.of(id, reason));
        modified.put(id, at);
    }

    synchronized int licenseCount() {
        return records.size();
    }

    synchronized Optional<License> find(String id) {
        return Optional.ofNullable(records.get(id))
                .filter(LicenseRecord.Valid.class::isInstance)
                .map(record -> ((LicenseRecord.Valid) record).license());
    }

    @Override
    public synchronized PartnerStatus partnerStatus() {
        partnerStatusCalls.incrementAndGet();
        requireAvailable();
        requireAccess();
        return PartnerStatus.builder()
                .partnerId(partnerId)
                .companyName("Reseller AG")
                .email("sales@reseller.example")
                .level(PartnerLevel.GOLD)
                .margin(margin)
                .build();
    }

    @Override
    public LicensePage searchLicenses(int skip, int take) {
        return search(skip, take, Optional.empty());
    }

    @Override
    public LicensePage searchLicenses(int skip, int take, Instant modifiedSince) {
        return search(skip, take, Optional.of(modifiedSince));
    }

    private synchronized LicensePage search(int skip, int take, Optional<Instant> modifiedSince) {
        int call = searchCalls.incrementAndGet();
        requireAccess();
        if (call == failSearchOnCall) {
            throw new EsetUnavailableException("ESET is in maintenance", Failure.of(503, "req-s", 3));
        }
        searchSkips.add(skip);
        if (whileSearching != null) {
            Runnable slowPage = whileSearching;
            whileSearching = null;
            slowPage.run();
        }
        List<LicenseRecord> matching = records.entrySet().stream()
                .filter(entry -> modifiedSince
                        .map(since -> !modified.get(entry.getKey()).isBefore(since))
                        .orElse(true))
                .map(Map.Entry::getValue)
                .toList();
        List<LicenseRecord> page =
                matching.subList(Math.min(skip, matching.size()), Math.min(skip + take, matching.size()));
        return LicensePage.builder()
                .skip(skip)
                .take(take)
                .totalCount(matching.size())
                .items(page)
                .build();
    }

    @Override
    public Stream<LicensePage> pages(int pageSize) {
        throw new UnsupportedOperationException("the shop pages by skip so that it can resume");
    }

    @Override
    public Stream<LicensePage> pages(Instant modifiedSince, int pageSize) {
        throw new UnsupportedOperationException("the shop pages by skip so that it can resume");
    }

    @Override
    public synchronized License licenseDetail(LicenseId id) {
        requireAvailable();
        return find(id.value()).orElseThrow(() -> notFound(id));
    }

    @Override
    public synchronized OrderReceipt order(NewLicenseOrder order, IdempotencyKey key) {
        return handle(
                order,
                key,
                () -> issue(
                        order.productCode(),
                        order.seats(),
                        today().plusYears(order.years()),
                        false,
                        order.discount(),
                        order.customer()));
    }

    @Override
    public synchronized OrderReceipt renew(RenewalOrder order, IdempotencyKey key) {
        return handle(order, key, () -> {
            License current =
                    find(order.publicLicenseId().value()).orElseThrow(() -> notFound(order.publicLicenseId()));
            return change(
                    current,
                    current.productCode(),
                    order.seats(),
                    current.expires().plusYears(order.years()));
        });
    }

    @Override
    public synchronized OrderReceipt changeProduct(ProductChangeOrder order, IdempotencyKey key) {
        return handle(order, key, () -> {
            License current =
                    find(order.publicLicenseId().value()).orElseThrow(() -> notFound(order.publicLicenseId()));
            return change(
                    current,
                    order.productCode(),
                    order.seats(),
                    current.expires().plusYears(order.years()));
        });
    }

    @Override
    public synchronized OrderReceipt trial(TrialOrder order, IdempotencyKey key) {
        return handle(
                order,
                key,
                () -> issue(
                        order.productCode(),
                        order.seats(),
                        today().plusMonths(order.months()),
                        true,
                        Optional.empty(),
                        order.customer()));
    }

    @Override
    public synchronized OrderReceipt convertTrial(TrialConversionOrder order, IdempotencyKey key) {
        return handle(order, key, () -> {
            License current =
                    find(order.publicLicenseId().value()).orElseThrow(() -> notFound(order.publicLicenseId()));
            if (!current.trial()) {
                throw new EsetRuleRefusedException("not a trial", 8, 48, Failure.of(400, "req-n", 1));
            }
            // the trial's values but the order's discount (none when the order has none)
            License.Builder converted = License.builder()
                    .id(current.id())
                    .licenseKey(current.licenseKey())
                    .productCode(current.productCode())
                    .productName(current.productName())
                    .seats(Seats.of(order.seats()))
                    .usedSeats(current.usedSeats())
                    .state(current.state())
                    .trial(false)
                    .issued(current.issued())
                    .expires(today().plusYears(order.years()))
                    .modified(clock.instant())
                    .customer(current.customer());
            order.discount().ifPresent(converted::discount);
            current.orderNumber().ifPresent(converted::orderNumber);
            License paid = converted.build();
            put(paid);
            return OrderReceipt.of("ORD-C" + nextLicense.getAndIncrement(), paid);
        });
    }

    private OrderReceipt handle(Object body, IdempotencyKey key, Supplier<OrderReceipt> apply) {
        orderCalls.incrementAndGet();
        requireAvailable();
        requireAccess();
        Fault fault = faults.poll();
        if (fault == Fault.FAIL_BEFORE) {
            throw new EsetUnavailableException("ESET is unavailable", Failure.of(503, "req-u", 4));
        }
        if (fault == Fault.UNAUTHORIZED) {
            throw new UnauthorizedException("token refused", Failure.of(401, "req-t", 2));
        }
        if (fault == Fault.CLOSED) {
            throw new ClientClosedException("the client is closed; nothing was sent");
        }
        if (fault == Fault.CONFLICT) {
            throw new IdempotencyConflictException("key reused", Failure.of(409, "req-c", 1));
        }
        if (fault == Fault.REFUSE) {
            throw new EsetRuleRefusedException("quantity out of range", 8, 30, Failure.of(400, "req-r", 1));
        }
        if (fault == Fault.APPLY_THEN_REFUSE_RETRY) {
            if (!answers.containsKey(key)) {
                bodies.put(key, body);
                answers.put(key, receipts.apply(apply.get()));
            }
            throw new EsetRuleRefusedException("quantity out of range", 8, 30, Failure.of(400, "req-r", 2));
        }
        OrderReceipt receipt;
        if (answers.containsKey(key)) {
            if (!bodies.get(key).equals(body)) {
                throw new IdempotencyConflictException("key reused", Failure.of(409, "req-c", 1));
            }
            receipt = answers.get(key);
        } else {
            receipt = receipts.apply(apply.get());
            bodies.put(key, body);
            answers.put(key, receipt);
        }
        Runnable slow = whileAnswering;
        whileAnswering = null;
        if (slow != null) {
            slow.run();
        }
        if (fault == Fault.LOSE_AFTER_COMMIT) {
            throw new TransportException("connection reset", Failure.of(0, 4));
        }
        return receipt;
    }

    private OrderReceipt issue(
            ProductCode product,
            int seats,
            LocalDate expires,
            boolean trial,
            Optional<String> discount,
            EndCustomer customer) {
        int number = nextLicense.getAndIncrement();
        License.Builder issued = License.builder()
                .id(LicenseId.of(String.format("NEW-%06d", number)))
                .licenseKey(Secret.of("KEY-" + number + "-SECRET"))
                .productCode(product)
                .productName("ESET " + product.value())
                .seats(Seats.of(seats))
                .usedSeats(0)
                .state(LicenseState.NORMAL)
                .trial(trial)
                .issued(today())
                .expires(expires)
                .modified(clock.instant())
                .customer(customer);
        discount.ifPresent(issued::discount);
        License license = issued.build();
        put(license);
        licensesIssued.incrementAndGet();
        return OrderReceipt.of("ORD-" + number, license);
    }

    private OrderReceipt change(License current, ProductCode product, int seats, LocalDate expires) {
        License changed = License.builder()
                .from(current)
                .productCode(product)
                .seats(Seats.of(seats))
                .expires(expires)
                .modified(clock.instant())
                .build();
        put(changed);
        return OrderReceipt.of("ORD-R" + nextLicense.getAndIncrement(), changed);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void requireAvailable() {
        if (maintenance) {
            throw new EsetUnavailableException("ESET is in maintenance", Failure.of(503, "req-m", 3));
        }
    }

    private void requireAccess() {
        if (!accessGranted) {
            throw new AccessNotGrantedException(
                    "ESET has not granted the marketplace access to this partner's data: ask ESET to grant it",
                    Failure.of(403, "req-a", 1));
        }
    }

    private static LicenseNotFoundException notFound(LicenseId id) {
        return new LicenseNotFoundException("no license " + id, Failure.of(404, "req-n", 1));
    }
}
