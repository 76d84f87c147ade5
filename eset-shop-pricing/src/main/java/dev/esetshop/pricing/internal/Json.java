package dev.esetshop.pricing.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The module's one JSON mapper and the reading rules its formats share: decimal strings, never binary floats. */
public final class Json {

    /** Longest decimal string read: enough for any price or rate, short enough that no text blows up BigDecimal. */
    public static final int MAX_DECIMAL_LENGTH = 40;

    /** Trees only; trailing content after the document is an error, decimals stay exact. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    /**
     * A plain decimal string such as {@code "25.10"} or {@code "-1"} (no exponent, no blanks), or null when the text
     * is not one.
     */
    public static @Nullable BigDecimal decimal(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_DECIMAL_LENGTH) {
            return null;
        }
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return null;
            }
        }
        return digits == 0 ? null : new BigDecimal(text);
    }

    /** Where a parse failed, for a one-line reason: {@code line 3, column 7}. */
    public static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
