package dev.concierge.domain.kernel;

import java.util.Locale;
import java.util.Optional;

/** The languages Concierge writes in. */
public enum Language {
    EN("en"), JA("ja");

    private final String tag;

    Language(String tag) { this.tag = tag; }

    public String tag() { return tag; }

    public Locale locale() { return Locale.forLanguageTag(tag); }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null) return Optional.empty();
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language language : values()) if (language.tag.equals(primary)) return Optional.of(language);
        return Optional.empty();
    }

    /** Japanese when the text holds kana or kanji, English otherwise: enough to answer in the writer's language. */
    public static Language detect(String text) {
        if (text == null) return EN;
        return text.codePoints().anyMatch(Language::isJapanese) ? JA : EN;
    }

    private static boolean isJapanese(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.HIRAGANA
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS;
    }
}
