package dev.concierge.adapter.http.web;

import dev.concierge.domain.kernel.Language;

import java.util.List;

/** What the shared layout needs to know about the page it wraps. */
public record Page(String title, String section, String path, Messages messages, String userName,
                   List<NavigationEntry> applications) {
    public Language language() { return messages.language(); }

    public String t(String key, Object... args) { return messages.t(key, args); }

    /** The same page in the other language. */
    public String switchLanguageHref() {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + (language() == Language.JA ? "en" : "ja");
    }

    public String otherLanguageLabel() { return language() == Language.JA ? "English" : "日本語"; }
}
