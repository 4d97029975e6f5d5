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
        return of(ctx.queryParam("lang"), ctx.cookie(COOKIE), ctx.header("Accept-Language"));
    }

    /** From the request's parts, each possibly absent: the {@code lang} parameter, the cookie, Accept-Language. */
    public static Language of(String asked, String remembered, String acceptLanguage) {
        return Language.fromTag(asked).or(() -> Language.fromTag(remembered)).orElseGet(() -> fromAcceptLanguage(acceptLanguage));
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
