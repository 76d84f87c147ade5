package dev.esetshop.core;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A license's state at ESET; states ESET adds later are kept as unknown values, never a parse failure. */
public final class LicenseState extends OpenEnum<LicenseState.Known> {

    /** The states this SDK knows. */
    public enum Known {
        NORMAL,
        SUSPENDED,
        EXPIRED
    }

    public static final LicenseState NORMAL = new LicenseState(Known.NORMAL);
    public static final LicenseState SUSPENDED = new LicenseState(Known.SUSPENDED);
    public static final LicenseState EXPIRED = new LicenseState(Known.EXPIRED);

    private static final Map<String, LicenseState> BY_NAME = Arrays.stream(
                    new LicenseState[] {NORMAL, SUSPENDED, EXPIRED})
            .collect(Collectors.toUnmodifiableMap(LicenseState::raw, Function.identity()));

    private LicenseState(Known known) {
        super(known.name(), known);
    }

    private LicenseState(String raw) {
        super(raw, null);
    }

    /** The state for ESET's text, case-insensitive; an unknown text gives an unknown state that keeps it. */
    public static LicenseState of(String raw) {
        return parse(raw, BY_NAME, LicenseState::new);
    }
}
