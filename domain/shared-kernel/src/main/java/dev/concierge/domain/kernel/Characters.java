package dev.concierge.domain.kernel;

/**
 * Text lengths as people, PostgreSQL's {@code length()} and the API document's {@code maxLength} count them:
 * characters (code points). {@link String#length()} counts UTF-16 units, so an emoji or a rare kanji counts twice.
 */
public final class Characters {
    private Characters() {}

    public static int count(String text) { return text.codePointCount(0, text.length()); }
}
