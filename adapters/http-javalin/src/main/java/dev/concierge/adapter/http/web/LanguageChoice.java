package dev.concierge.adapter.http.web;

import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.domain.kernel.Language;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.util.Arrays;
import java.util.List;

/**
 * Which language a page speaks: {@code ?lang=} (remembered in a cookie), else the cookie, else the browser's
 * Accept-Language, else English.
 */
public final class LanguageChoice {
    static final String COOKIE = RequestLanguage.COOKIE;

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

    static Language fromAcceptLanguage(String header) { return RequestLanguage.fromAcceptLanguage(header); }

    static List<Language> all() { return Arrays.asList(Language.values()); }
}
