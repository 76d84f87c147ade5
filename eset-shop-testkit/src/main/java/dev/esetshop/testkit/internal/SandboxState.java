package dev.esetshop.testkit.internal;

import dev.esetshop.core.EndCustomer;
import dev.esetshop.core.EsetRefusal;
import dev.esetshop.core.EulaAcceptance;
import dev.esetshop.core.License;
import dev.esetshop.core.LicenseId;
import dev.esetshop.testkit.SandboxFaults;
import dev.esetshop.testkit.SandboxPartner;
import dev.esetshop.testkit.SandboxProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ESET as the sandbox keeps it: the partner, the licenses, the orders by idempotency key and the tokens. One lock
 * guards it all, so each call is applied atomically and in arrival order.
 */
public final class SandboxState {

    /** The longest idempotency key ESET accepts. */
    static final int MAX_KEY_LENGTH = 64;
    /** The largest page of a search. */
    static final int MAX_TAKE = 100;
    /**
     * How long after its expiry a license can still be renewed: ESET's window, which the distributors' catalogs
     * repeat as {@code renewalMaxDaysExpired} (60 in the sample policy), so a renewal the SDK quotes is not refused.
     */
    static final int RENEWAL_GRACE_DAYS = 60;

    static final int MAX_YEARS = 3;

    private record StoredOrder(Call call, JsonNode body, Answer answer) {}

    private final Clock clock;
    private final String username;
    private final String password;
    private final String tokenPrefix;
    private final Map<String, SandboxProduct> products;
    private final SplittableRandom ids;
    private final Set<String> takenIds = new HashSet<>();
    private final TreeMap<String, SandboxLicense> licenses = new TreeMap<>();
    private final Map<String, StoredOrder> orders = new HashMap<>();
    private final Map<String, LicenseId> licensesByKey = new LinkedHashMap<>();
    private final Map<String, LicenseId> ordersByKey = new LinkedHashMap<>();
    private final Map<String, EulaAcceptance> eulas = new HashMap<>();
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private final Map<String, Instant> sessions = new HashMap<>();
    private SandboxPartner partner;
    private SandboxFaults faults;
    private boolean maintenance;
    private int ordersApplied;
    private int orderSequence;

    /**
     * A state with the given licenses already in it, whose tokens start with {@code at-<tokenPrefix>} and
     * {@code rt-<tokenPrefix>}, so a sandbox hosting several partners routes a call to its partner by the token.
     */
    public SandboxState(
            long seed,
            Clock clock,
            String username,
            String password,
            String tokenPrefix,
            SandboxPartner partner,
            List<SandboxProduct> products,
            SandboxFaults faults,
            int licenseCount,
            int malformed) {
        this.clock = clock;
        this.username = username;
        this.password = password;
        this.tokenPrefix = tokenPrefix;
        this.partner = partner;
        this.faults = faults;
        this.products = products.stream()
                .collect(Collectors.toMap(
                        SandboxProduct::code,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalArgumentException("product " + a.code() + " is listed twice");
                        },
                        LinkedHashMap::new));
        // Separate streams, so orders do not shift the generated book and the book does not shift faults.
        this.ids = new SplittableRandom(seed ^ 0x5DEECE66DL);
        LicenseGenerator.generate(seed, licenseCount, malformed, products, stamp(), takenIds)
                .forEach(license -> licenses.put(license.publicLicenseId(), license));
    }

    /** The username {@code Token/Get} accepts. */
    public String username() {
        return username;
    }

    /** The password {@code Token/Get} accepts. */
    public String password() {
        return password;
    }

    /** Handles one call that the fault plan let through, with its headers (null when not sent). */
    public synchronized Answer handle(
            Call call, byte[] body, @Nullable String authorization, @Nullable String idempotencyKey) {
        try {
            ObjectNode request = WireFormat.readObject(body);
            if (!call.partnerData()) {
                return Answer.ok(call == Call.TOKEN_GET ? login(request) : renewToken(request));
            }
            authorize(authorization);
            if (!partner.accessGranted()) {
                throw ApiError.of(
                        403,
                        ApiError.ACCESS_NOT_GRANTED,
                        0,
                        "ESET has not granted the marketplace " + "access to the data of partner " + partner.partnerId()
                                + "; ask ESET to grant it.");
            }
            if (call.order()) {
                return order(call, request, idempotencyKey);
            }
            return Answer.ok(
                    switch (call) {
                        case PARTNER_STATUS -> partnerStatus();
                        case SEARCH_LICENSES -> search(request);
                        case LICENSE_DETAIL -> WireFormat.license(find(WireFormat.text(request, "publicLicenseId")));
                        default -> throw new IllegalStateException("not a data call: " + call);
                    });
        } catch (ApiError error) {
            return error.answer();
        }
    }

    private Answer order(Call call, ObjectNode request, @Nullable String idempotencyKey) {
        String key = Optional.ofNullable(idempotencyKey)
                .filter(text -> !text.isBlank())
                .orElseThrow(() -> ApiError.of(
                        400,
                        ApiError.BAD_REQUEST,
                        1,
                        "An order call needs an Idempotency-Key header; send a fresh key per order."));
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiError.of(
                    400,
                    ApiError.BAD_REQUEST,
                    2,
                    "The Idempotency-Key is longer than " + MAX_KEY_LENGTH + " characters.");
        }
        StoredOrder stored = orders.get(key);
        if (stored != null) {
            if (stored.call() == call && stored.body().equals(request)) {
                return stored.answer();
            }
            throw ApiError.of(
                    409,
                    ApiError.IDEMPOTENCY_CONFLICT,
                    0,
                    "The Idempotency-Key was already used for another order; use a fresh key for a new order.");
        }
        Answer answer;
        try {
            SandboxLicense license = switch (call) {
                case LICENSE_ORDER -> newLicense(request);
                case LICENSE_RENEW -> renew(request);
                case LICENSE_CHANGE_PRODUCT -> changeProduct(request);
                case LICENSE_TRIAL -> trial(request);
                case LICENSE_CONVERT_TRIAL -> convertTrial(request);
                default -> throw new IllegalStateException("not an order call: " + call);
            };
            licenses.put(license.publicLicenseId(), license);
            ordersApplied++;
            ordersByKey.put(key, LicenseId.of(license.publicLicenseId()));
            if (call == Call.LICENSE_ORDER || call == Call.LICENSE_TRIAL) {
                licensesByKey.put(key, LicenseId.of(license.publicLicenseId()));
            }
            if (call == Call.LICENSE_ORDER || call == Call.LICENSE_TRIAL || call == Call.LICENSE_CONVERT_TRIAL) {
                // a conversion's acceptance is the one the paid license now runs under
                WireFormat.eula(request).ifPresent(eula -> eulas.put(license.publicLicenseId(), eula));
            }
            answer = Answer.ok(WireFormat.receipt(String.format("ORD-%07d", ++orderSequence), license));
        } catch (ApiError refused) {
            answer = refused.answer();
        }
        orders.put(key, new StoredOrder(call, request, answer));
        return answer;
    }

    private SandboxLicense newLicense(ObjectNode request) {
        WireFormat.text(request, "sku");
        SandboxProduct product = product(WireFormat.text(request, "productCode"));
        int seats = WireFormat.integer(request, "seats");
        int years = WireFormat.integer(request, "years");
        Optional<String> discount = WireFormat.optionalText(request, "discount");
        WireFormat.optionalText(request, "eligibilityCode");
        WireFormat.optionalText(request, "customerReference");
        WireFormat.eula(request);
        JsonNode crossgrade = request.path("crossgrade");
        if (!crossgrade.isMissingNode() && !crossgrade.isNull() && !crossgrade.isObject()) {
            throw ApiError.badRequest("The field 'crossgrade' must be an object {seats, expires, proof}.");
        }
        EndCustomer customer = WireFormat.customer(request);
        checkSeats(product, seats);
        checkYears(years);
        LocalDate today = today();
        return new SandboxLicense(
                LicenseGenerator.uniqueId(ids, takenIds),
                Identifiers.licenseKey(ids),
                product.code(),
                product.name(),
                seats,
                0,
                "NORMAL",
                false,
                discount,
                today,
                today.plusYears(years),
                stamp(),
                customer,
                Optional.empty());
    }

    private SandboxLicense renew(ObjectNode request) {
        SandboxLicense license = find(WireFormat.text(request, "publicLicenseId"));
        int seats = WireFormat.integer(request, "seats");
        int years = WireFormat.integer(request, "years");
        JsonNode skus = request.path("skus");
        if (!skus.isArray() || skus.isEmpty() || !skus.valueStream().allMatch(JsonNode::isString)) {
            throw ApiError.badRequest("The field 'skus' is required and must be a non-empty array of SKUs.");
        }
        WireFormat.optionalText(request, "customerReference");
        SandboxProduct product = product(license.productCode());
        checkSeats(product, seats);
        LocalDate today = today();
        if (years == 0) {
            return extend(license, seats, today);
        }
        checkYears(years);
        if (license.expires().plusDays(RENEWAL_GRACE_DAYS).isBefore(today)) {
            throw ApiError.rule(
                    EsetRefusal.LICENSE_EXPIRED,
                    "License " + license.publicLicenseId()
                            + " expired on " + license.expires() + ", more than " + RENEWAL_GRACE_DAYS
                            + " days ago; order a new license instead.");
        }
        // a license renewed after expiring keeps its anniversary: no gap, no free days (the RENEWAL rule)
        return license.withOrder(
                license.productCode(),
                license.productName(),
                seats,
                license.expires().plusYears(years),
                stamp());
    }

    /** {@code years} 0: seats added to a license that has not expired, up to its current expiration (as ESET does). */
    private SandboxLicense extend(SandboxLicense license, int seats, LocalDate today) {
        if (license.expires().isBefore(today)) {
            throw ApiError.rule(
                    EsetRefusal.LICENSE_EXPIRED,
                    "License " + license.publicLicenseId()
                            + " expired on " + license.expires()
                            + "; an extension needs an active license, renew it for at"
                            + " least one year instead.");
        }
        if (seats <= license.seats()) {
            throw ApiError.rule(
                    EsetRefusal.BAD_QUANTITY,
                    "An extension must add seats: license " + license.publicLicenseId() + " has " + license.seats()
                            + " seats already and the order asks for " + seats + ".");
        }
        return license.withOrder(license.productCode(), license.productName(), seats, license.expires(), stamp());
    }

    private SandboxLicense changeProduct(ObjectNode request) {
        SandboxLicense license = find(WireFormat.text(request, "publicLicenseId"));
        String target = WireFormat.text(request, "productCode");
        WireFormat.text(request, "sku");
        int seats = WireFormat.integer(request, "seats");
        int years = WireFormat.integer(request, "years");
        WireFormat.optionalText(request, "customerReference");
        SandboxProduct product = product(target);
        LocalDate today = today();
        if (license.expires().isBefore(today)) {
            throw ApiError.rule(
                    EsetRefusal.LICENSE_EXPIRED,
                    "License " + license.publicLicenseId() + " expired on " + license.expires()
                            + "; renew it before changing its product.");
        }
        boolean allowed = Optional.ofNullable(products.get(license.productCode()))
                .map(source -> source.changeTo().contains(target))
                .orElse(false);
        if (!allowed) {
            throw ApiError.rule(
                    EsetRefusal.PRODUCT_CHANGE_UNAVAILABLE,
                    "License " + license.publicLicenseId() + " of " + license.productCode() + " cannot change to "
                            + target + ".");
        }
        checkSeats(product, seats);
        checkYears(years);
        // the changed license runs on from its current expiration (the PRODUCT_CHANGE rule)
        return license.withOrder(
                product.code(), product.name(), seats, license.expires().plusYears(years), stamp());
    }

    private SandboxLicense trial(ObjectNode request) {
        SandboxProduct product = product(WireFormat.text(request, "productCode"));
        int seats = WireFormat.integer(request, "seats");
        int months = WireFormat.integer(request, "months");
        EndCustomer customer = WireFormat.customer(request);
        WireFormat.eula(request);
        if (!product.trialMonths().contains(months)) {
            throw ApiError.rule(
                    EsetRefusal.TRIAL_NOT_ALLOWED,
                    product.trialMonths().isEmpty()
                            ? "Product " + product.code() + " has no trial."
                            : "Product " + product.code() + " has trials of " + product.trialMonths() + " months, not "
                                    + months + ".");
        }
        checkSeats(product, seats);
        LocalDate today = today();
        return new SandboxLicense(
                LicenseGenerator.uniqueId(ids, takenIds),
                Identifiers.licenseKey(ids),
                product.code(),
                product.name(),
                seats,
                0,
                "NORMAL",
                true,
                Optional.empty(),
                today,
                today.plusMonths(months),
                stamp(),
                customer,
                Optional.empty());
    }

    /**
     * {@code License/ConvertTrial}: the trial becomes a paid license under the same id, with the ordered seats, for
     * {@code years} from the day of the order (the trial's remaining days are not added), as ESET does.
     */
    private SandboxLicense convertTrial(ObjectNode request) {
        SandboxLicense license = find(WireFormat.text(request, "publicLicenseId"));
        WireFormat.text(request, "sku");
        int seats = WireFormat.integer(request, "seats");
        int years = WireFormat.integer(request, "years");
        Optional<String> discount = WireFormat.optionalText(request, "discount");
        WireFormat.optionalText(request, "eligibilityCode");
        WireFormat.optionalText(request, "customerReference");
        JsonNode crossgrade = request.path("crossgrade");
        if (!crossgrade.isMissingNode() && !crossgrade.isNull() && !crossgrade.isObject()) {
            throw ApiError.badRequest("The field 'crossgrade' must be an object {seats, expires, proof}.");
        }
        if (WireFormat.eula(request).isEmpty()) {
            throw ApiError.badRequest("A trial conversion needs the end customer's EULA acceptance in 'eula'.");
        }
        if (!license.trial()) {
            throw ApiError.rule(
                    EsetRefusal.NOT_A_TRIAL,
                    "License " + license.publicLicenseId() + " is not a trial; renew it instead.");
        }
        LocalDate today = today();
        if (license.expires().plusDays(RENEWAL_GRACE_DAYS).isBefore(today)) {
            throw ApiError.rule(
                    EsetRefusal.LICENSE_EXPIRED,
                    "Trial " + license.publicLicenseId()
                            + " expired on " + license.expires() + ", more than " + RENEWAL_GRACE_DAYS
                            + " days ago; order a new license instead.");
        }
        checkSeats(product(license.productCode()), seats);
        checkYears(years);
        return license.converted(seats, discount.orElse(null), today.plusYears(years), stamp());
    }

    private SandboxProduct product(String code) {
        SandboxProduct product = products.get(code);
        if (product == null) {
            throw ApiError.rule(EsetRefusal.PRODUCT_NOT_AVAILABLE, "Product " + code + " is not available.");
        }
        return product;
    }

    private static void checkSeats(SandboxProduct product, int seats) {
        if (seats <= 0) {
            throw ApiError.rule(EsetRefusal.BAD_QUANTITY, "Seats must be positive, not " + seats + ".");
        }
        if (seats < product.minSeats() || seats > product.maxSeats()) {
            throw ApiError.rule(
                    EsetRefusal.QUANTITY_OUT_OF_RANGE,
                    "Product " + product.code() + " is sold for " + product.minSeats() + " to " + product.maxSeats()
                            + " seats, not " + seats + ".");
        }
    }

    private static void checkYears(int years) {
        if (years <= 0) {
            throw ApiError.rule(EsetRefusal.BAD_QUANTITY, "Years must be positive, not " + years + ".");
        }
        if (years > MAX_YEARS) {
            throw ApiError.rule(
                    EsetRefusal.QUANTITY_OUT_OF_RANGE, "Licenses run 1 to " + MAX_YEARS + " years, not " + years + ".");
        }
    }

    private SandboxLicense find(String publicLicenseId) {
        SandboxLicense license = licenses.get(publicLicenseId);
        if (license == null) {
            throw ApiError.of(
                    404,
                    ApiError.NOT_FOUND,
                    0,
                    "No license " + publicLicenseId + " for partner " + partner.partnerId() + ".");
        }
        return license;
    }

    private ObjectNode search(ObjectNode request) {
        int skip = WireFormat.integer(request, "skip");
        int take = WireFormat.integer(request, "take");
        Optional<Instant> since = WireFormat.optionalInstant(request, "modifiedSince");
        if (skip < 0) {
            throw ApiError.of(400, ApiError.BAD_REQUEST, 3, "skip must not be negative, not " + skip + ".");
        }
        if (take < 1 || take > MAX_TAKE) {
            throw ApiError.of(
                    400, ApiError.BAD_REQUEST, 3, "take must be between 1 and " + MAX_TAKE + ", not " + take + ".");
        }
        List<SandboxLicense> matching = licenses.values().stream()
                .filter(license -> since.map(instant -> !license.modified().isBefore(instant))
                        .orElse(true))
                .toList();
        ObjectNode page = WireFormat.object();
        page.put("totalCount", matching.size());
        ArrayNode items = page.putArray("items");
        matching.stream().skip(skip).limit(take).map(WireFormat::license).forEach(items::add);
        return page;
    }

    private ObjectNode partnerStatus() {
        ObjectNode node = WireFormat.object();
        node.put("partnerId", partner.partnerId());
        node.put("companyName", partner.companyName());
        node.put("email", partner.email());
        node.put("level", partner.level().raw());
        node.put("margin", partner.margin());
        return node;
    }

    private ObjectNode login(ObjectNode request) {
        String user = WireFormat.text(request, "username");
        String secret = WireFormat.text(request, "password");
        if (!user.equals(username) || !secret.equals(password)) {
            throw ApiError.of(
                    401, ApiError.BAD_CREDENTIALS, 0, "Wrong username or password; check the partner credentials.");
        }
        return tokens(clock.instant().plus(faults.sessionTtl()));
    }

    private ObjectNode renewToken(ObjectNode request) {
        String refreshToken = WireFormat.text(request, "refreshToken");
        Instant sessionEnd = sessions.remove(refreshToken);
        if (sessionEnd == null || !clock.instant().isBefore(sessionEnd)) {
            throw ApiError.of(
                    401,
                    ApiError.SESSION_ENDED,
                    0,
                    "The refresh token is unknown or its session ended; log in again with Token/Get.");
        }
        return tokens(sessionEnd);
    }

    private ObjectNode tokens(Instant sessionEnd) {
        Instant now = clock.instant();
        Duration ttl = faults.tokenTtl();
        String accessToken = "at-" + tokenPrefix + Long.toHexString(ids.nextLong()) + Long.toHexString(ids.nextLong());
        String refreshToken = "rt-" + tokenPrefix + Long.toHexString(ids.nextLong()) + Long.toHexString(ids.nextLong());
        accessTokens.values().removeIf(expiry -> !now.isBefore(expiry));
        sessions.values().removeIf(end -> !now.isBefore(end));
        accessTokens.put(accessToken, now.plus(ttl));
        sessions.put(refreshToken, sessionEnd);
        ObjectNode node = WireFormat.object();
        node.put("accessToken", accessToken);
        node.put("refreshToken", refreshToken);
        node.put("expiresIn", Math.max(1, ttl.toSeconds()));
        return node;
    }

    private void authorize(@Nullable String authorization) {
        String token = Optional.ofNullable(authorization)
                .filter(header -> header.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(header -> header.substring(7).trim())
                .orElseThrow(() -> ApiError.of(
                        401, ApiError.TOKEN_INVALID, 0, "Send 'Authorization: Bearer <accessToken>' from Token/Get."));
        Instant expiry = accessTokens.get(token);
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            throw ApiError.of(
                    401,
                    ApiError.TOKEN_INVALID,
                    0,
                    "The access token is unknown or expired; renew it with Token/Renew.");
        }
    }

    // Millisecond precision, so a client that stores `modified` in a database column and sends it back as
    // modifiedSince meets the same instant.
    private Instant stamp() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Sets the faults; token lifetimes apply to tokens issued from now on. */
    public synchronized void setFaults(SandboxFaults faults) {
        this.faults = faults;
    }

    /** The faults in force. */
    public synchronized SandboxFaults faults() {
        return faults;
    }

    /** Opens or closes the maintenance window. */
    public synchronized void setMaintenance(boolean maintenance) {
        this.maintenance = maintenance;
    }

    /** True while the maintenance window is open. */
    public synchronized boolean maintenance() {
        return maintenance;
    }

    /** Grants or withdraws the marketplace's access to the partner's data. */
    public synchronized void setAccessGranted(boolean granted) {
        this.partner =
                SandboxPartner.builder().from(partner).accessGranted(granted).build();
    }

    /** How many license records the sandbox holds, malformed ones included. */
    public synchronized int licenseCount() {
        return licenses.size();
    }

    /** How many orders were applied (replays of a key not counted). */
    public synchronized int ordersApplied() {
        return ordersApplied;
    }

    /** The license each {@code License/Order} or {@code License/Trial} key created, in order of creation. */
    public synchronized Map<String, LicenseId> licensesByIdempotencyKey() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(licensesByKey));
    }

    /** The license every applied order (of any kind) created or changed, by key, in order of application. */
    public synchronized Map<String, LicenseId> ordersByIdempotencyKey() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(ordersByKey));
    }

    /** The EULA acceptance ESET keeps with the order that created the license, if the order sent one. */
    public synchronized Optional<EulaAcceptance> eulaAccepted(String publicLicenseId) {
        return Optional.ofNullable(eulas.get(publicLicenseId));
    }

    /** The well-formed licenses, ordered by public id. */
    public synchronized List<License> licenses() {
        List<License> result = new ArrayList<>(licenses.size());
        licenses.values().forEach(license -> license.toLicense().ifPresent(result::add));
        return result;
    }
}
