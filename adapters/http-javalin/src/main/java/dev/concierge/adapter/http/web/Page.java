package dev.concierge.adapter.http.web;

import dev.concierge.domain.kernel.Language;

import java.util.List;

/** What the shared layout needs to know about the page it wraps. */
public record Page(String title, String section, String path, Messages messages, String userName,
                   List<NavigationEntry> applications) {
    public Language language() { return messages.language(); }

    public String t(String key, Object... args) { return messages.t(key, args); }

    /** Dates and times worded for the page's reader ({@code 2026年12月7日(月)}, {@code Mon 7 Dec 2026}). */
    public DateWording dates() { return DateWording.of(language()); }

    /** The same page in the other language. */
    public String switchLanguageHref() {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + (language() == Language.JA ? "en" : "ja");
    }

    /** The same page titled by the object it shows (a trip's title), so tabs and history name it. */
    public Page titled(String objectTitle) { return new Page(objectTitle, section, path, messages, userName, applications); }

    public String otherLanguageLabel() { return language() == Language.JA ? "English" : "日本語"; }
}
