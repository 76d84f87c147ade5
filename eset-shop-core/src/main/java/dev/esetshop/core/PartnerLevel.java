package dev.esetshop.core;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An ESET partner level (bronze, silver, gold, platinum); levels ESET adds later are kept as unknown values. */
public final class PartnerLevel extends OpenEnum<PartnerLevel.Known> {

    /** The levels this SDK knows. */
    public enum Known {
        BRONZE,
        SILVER,
        GOLD,
        PLATINUM
    }

    public static final PartnerLevel BRONZE = new PartnerLevel(Known.BRONZE);
    public static final PartnerLevel SILVER = new PartnerLevel(Known.SILVER);
    public static final PartnerLevel GOLD = new PartnerLevel(Known.GOLD);
    public static final PartnerLevel PLATINUM = new PartnerLevel(Known.PLATINUM);

    private static final Map<String, PartnerLevel> BY_NAME = Arrays.stream(
                    new PartnerLevel[] {BRONZE, SILVER, GOLD, PLATINUM})
            .collect(Collectors.toUnmodifiableMap(PartnerLevel::raw, Function.identity()));

    private PartnerLevel(Known known) {
        super(known.name(), known);
    }

    private PartnerLevel(String raw) {
        super(raw, null);
    }

    /** The level for ESET's text, case-insensitive; an unknown text gives an unknown level that keeps it. */
    public static PartnerLevel of(String raw) {
        return parse(raw, BY_NAME, PartnerLevel::new);
    }
}
