package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.Language;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/**
 * The language a request is answered in, as pages choose it: {@code ?lang=} when valid, else the {@code lang} cookie,
 * else the browser's Accept-Language, else English. Reads only; remembering a choice is the pages' business.
 */
public final class RequestLanguage {
    public static final String COOKIE = "lang";

    private RequestLanguage() {}

    public static Language of(Context ctx) {
        var asked = Language.fromTag(ctx.queryParam("lang"));
        if (asked.isPresent()) return asked.get();
        var remembered = Language.fromTag(ctx.cookie(COOKIE));
        if (remembered.isPresent()) return remembered.get();
        return fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return Language.EN;
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                var language = Language.fromTag(range.getRange());
                if (language.isPresent() && range.getWeight() > 0) return language.get();
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed header is not worth an error
        }
        return Language.EN;
    }
}
