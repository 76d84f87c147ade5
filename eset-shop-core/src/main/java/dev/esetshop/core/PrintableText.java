package dev.esetshop.core;

import java.util.regex.Pattern;

/**
 * Text from outside (ESET's ids and order numbers, a record's reason) as it may be shown in a log line or on a
 * screen: every control character (CR, LF, ESC, NUL, C1 controls) becomes a space and a lone surrogate U+FFFD, so no
 * value can forge a log line or drive a terminal; nothing else changes, so an id stays readable and searchable.
 */
public final class PrintableText {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private PrintableText() {}

    /**
     * The text with its control characters and lone surrogates replaced.
     *
     * @param text any text
     * @return the text as it may be logged or shown
     */
    public static String of(String text) {
        String printable = CONTROL.matcher(text).replaceAll(" ");
        StringBuilder out = new StringBuilder(printable.length());
        for (int i = 0; i < printable.length(); i++) {
            char c = printable.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < printable.length()
                    && Character.isLowSurrogate(printable.charAt(i + 1))) {
                out.append(c).append(printable.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
