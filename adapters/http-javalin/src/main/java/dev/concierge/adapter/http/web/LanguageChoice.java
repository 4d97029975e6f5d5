package dev.concierge.adapter.http.web;

import dev.concierge.domain.kernel.Language;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which language a page speaks: {@code ?lang=} (remembered in a cookie), else the cookie, else the browser's
 * Accept-Language, else English.
 */
public final class LanguageChoice {
    static final String COOKIE = "lang";

    private LanguageChoice() {}

    public static Language of(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null) {
            var language = Language.fromTag(asked);
            if (language.isPresent()) {
                var cookie = new Cookie(COOKIE, language.get().tag(), "/", 365 * 24 * 3600, false, true, null, SameSite.LAX);
                ctx.cookie(cookie);
                return language.get();
            }
        }
        var remembered = Language.fromTag(ctx.cookie(COOKIE));
        if (remembered.isPresent()) return remembered.get();
        return fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return Language.EN;
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                var language = Language.fromTag(range.getRange());
                if (language.isPresent() && range.getWeight() > 0) return language.get();
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed header is not worth an error page
        }
        return Language.EN;
    }

    static List<Language> all() { return Arrays.asList(Language.values()); }
}
