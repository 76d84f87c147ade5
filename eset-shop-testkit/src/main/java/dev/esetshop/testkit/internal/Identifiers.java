package dev.esetshop.testkit.internal;

import dev.esetshop.core.Secret;
import java.util.random.RandomGenerator;

/** ESET-like public license ids ({@code 3AB-7KQ-XD2}) and license keys ({@code XXXX-XXXX-XXXX-XXXX-XXXX}). */
final class Identifiers {

    // Without 0/O and 1/I, which people misread when they type an id from a document.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Identifiers() {}

    static String publicLicenseId(RandomGenerator random) {
        return groups(random, 3, 3);
    }

    static Secret licenseKey(RandomGenerator random) {
        return Secret.of(groups(random, 5, 4));
    }

    private static String groups(RandomGenerator random, int groups, int length) {
        StringBuilder text = new StringBuilder(groups * (length + 1));
        for (int group = 0; group < groups; group++) {
            if (group > 0) {
                text.append('-');
            }
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }
}
