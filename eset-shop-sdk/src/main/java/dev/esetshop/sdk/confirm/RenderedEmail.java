package dev.esetshop.sdk.confirm;

import java.util.Objects;

/**
 * A confirmation e-mail ready to send: its subject (one line), a plain-text body and an HTML body with the same
 * content. The bodies carry the license key, so {@link #toString()} shows neither.
 *
 * @param subject the subject line, without line breaks
 * @param text the plain-text body
 * @param html the HTML body, a complete document with every value escaped
 */
public record RenderedEmail(String subject, String text, String html) {

    /** Checks that no part is missing. */
    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** The subject and the bodies' sizes only: the bodies hold the license key. */
    @Override
    public String toString() {
        return "RenderedEmail[subject=" + subject + ", text=" + text.length() + " chars, html=" + html.length()
                + " chars]";
    }
}
