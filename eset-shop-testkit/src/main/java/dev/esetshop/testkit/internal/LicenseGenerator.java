package dev.esetshop.testkit.internal;

import dev.esetshop.testkit.SandboxProduct;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a partner's license book from a seed: mixed products and seat counts, mostly NORMAL with some SUSPENDED
 * and EXPIRED, some trials, a few under the GOV or EDU programme, expiries from 120 days ago to three years ahead.
 */
public final class LicenseGenerator {

    private static final int[] TYPICAL_SEATS = {5, 5, 10, 10, 15, 20, 25, 25, 30, 50, 75, 100, 150, 250, 500};
    private static final SandboxLicense.Malformation[] MALFORMATIONS = SandboxLicense.Malformation.values();

    private LicenseGenerator() {}

    /**
     * {@code count} licenses, {@code malformed} of them with one broken field on the wire, all with distinct ids
     * (those in {@code takenIds} are avoided and the new ones are added to it).
     */
    public static List<SandboxLicense> generate(
            long seed, int count, int malformed, List<SandboxProduct> products, Instant now, Set<String> takenIds) {
        if (malformed > count) {
            throw new IllegalArgumentException("cannot break " + malformed + " of " + count + " licenses");
        }
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<Integer> broken = new HashSet<>();
        while (broken.size() < malformed) {
            broken.add(random.nextInt(count));
        }
        List<SandboxLicense> licenses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Optional<SandboxLicense.Malformation> malformation = broken.contains(i)
                    ? Optional.of(MALFORMATIONS[random.nextInt(MALFORMATIONS.length)])
                    : Optional.empty();
            licenses.add(next(random, products, today, now, takenIds, malformation));
        }
        return licenses;
    }

    private static SandboxLicense next(
            SplittableRandom random,
            List<SandboxProduct> products,
            LocalDate today,
            Instant now,
            Set<String> takenIds,
            Optional<SandboxLicense.Malformation> malformation) {
        SandboxProduct product = CustomerGenerator.pick(random, products);
        boolean trial = !product.trialMonths().isEmpty() && random.nextInt(100) < 6;
        int seats = trial ? product.minSeats() : seats(random, product);
        int usedSeats = random.nextInt(seats + 1);
        LocalDate expires;
        LocalDate issued;
        if (trial) {
            int months = CustomerGenerator.pick(random, product.trialMonths());
            issued = today.minusDays(random.nextInt(months * 30 + 60));
            expires = issued.plusMonths(months);
        } else {
            expires = today.plusDays(random.nextInt(-120, 3 * 365 + 1));
            int years = 1 + random.nextInt(3);
            // A license is never issued in the future: take the term that starts today or before.
            while (expires.minusYears(years).isAfter(today)) {
                years++;
            }
            issued = expires.minusYears(years);
        }
        String state;
        if (expires.isBefore(today)) {
            state = "EXPIRED";
        } else {
            state = random.nextInt(100) < 5 ? "SUSPENDED" : "NORMAL";
        }
        Optional<String> discount = Optional.empty();
        int programme = random.nextInt(100);
        if (!trial && programme < 4) {
            discount = Optional.of(programme < 2 ? "GOV" : "EDU");
        }
        Instant issuedAt = issued.atStartOfDay(ZoneOffset.UTC).toInstant();
        long sinceIssued = Math.max(1, Duration.between(issuedAt, now).getSeconds());
        Instant modified = now.minusSeconds(random.nextLong(Math.min(sinceIssued, 400L * 86_400)));
        return new SandboxLicense(
                uniqueId(random, takenIds),
                Identifiers.licenseKey(random),
                product.code(),
                product.name(),
                seats,
                usedSeats,
                state,
                trial,
                discount,
                issued,
                expires,
                modified,
                CustomerGenerator.next(random),
                malformation);
    }

    private static int seats(SplittableRandom random, SandboxProduct product) {
        int typical = TYPICAL_SEATS[random.nextInt(TYPICAL_SEATS.length)];
        return Math.max(product.minSeats(), Math.min(product.maxSeats(), typical));
    }

    static String uniqueId(SplittableRandom random, Set<String> takenIds) {
        String id;
        do {
            id = Identifiers.publicLicenseId(random);
        } while (!takenIds.add(id));
        return id;
    }
}
