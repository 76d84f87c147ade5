package dev.esetshop.client.internal;

import dev.esetshop.core.PrintableText;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Masks text that came from ESET (or from configuration) before it goes into an exception or a log line: ESET's
 * error messages are echoed for support, but an error page can quote a URL with credentials, a {@code password=}
 * parameter, a bearer token or a license key. What looks like a secret becomes {@code ***}; control characters
 * become spaces, so a message cannot forge log lines.
 */
public final class EsetText {

    private static final String MASK = "***";
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/\\s@]*@");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|pass|secret|client_?secret|token|access_?token|refresh_?token|api_?key"
                    + "|authorization|licen[cs]e_?key|key)(\\s*[\"']?\\s*[=:]\\s*[\"']?)[^\\s&\"',;}]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[^\\s\"',;]+");
    private static final Pattern LICENSE_KEY = Pattern.compile("\\b[A-Za-z0-9]{4}(?:-[A-Za-z0-9]{4}){3,}\\b");
    /** A run of 20 or more token characters with both letters and digits: an opaque token or key, not a word. */
    private static final Pattern OPAQUE =
            Pattern.compile("(?=[A-Za-z0-9._~+/=-]*[0-9])(?=[A-Za-z0-9._~+/=-]*[A-Za-z])[A-Za-z0-9._~+/=-]{20,}");

    private EsetText() {}

    /** The text with everything that looks like a secret replaced by {@code ***}. */
    public static String masked(String text) {
        String masked = printable(text);
        masked = USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
        masked = BEARER.matcher(masked).replaceAll("$1 " + MASK);
        masked = NAMED_SECRET.matcher(masked).replaceAll("$1$2" + MASK);
        masked = LICENSE_KEY.matcher(masked).replaceAll(MASK);
        return OPAQUE.matcher(masked).replaceAll(MASK);
    }

    /** An identifier of ESET's as it may be shown: {@link PrintableText#of}, the one rule for every module. */
    public static String printable(String text) {
        return PrintableText.of(text);
    }

    /** A URI as it may be shown: user info, query and fragment masked; the host stays readable. */
    public static String uri(URI uri) {
        StringBuilder text = new StringBuilder();
        if (uri.getScheme() != null) {
            text.append(uri.getScheme()).append(':');
        }
        if (uri.getRawAuthority() != null) {
            text.append("//");
            if (uri.getRawUserInfo() != null) {
                text.append(MASK).append('@');
            }
            text.append(uri.getHost() == null ? "" : uri.getHost());
            if (uri.getPort() >= 0) {
                text.append(':').append(uri.getPort());
            }
        }
        text.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            text.append('?').append(MASK);
        }
        if (uri.getRawFragment() != null) {
            text.append('#').append(MASK);
        }
        return PrintableText.of(text.toString());
    }
}
