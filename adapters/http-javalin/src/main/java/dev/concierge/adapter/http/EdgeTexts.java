package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.Language;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What the HTTP edge says when it refuses a request itself (a body too slow, too large, in the wrong type or
 * encoding), from {@code i18n/edge_<lang>.properties}, in the language the request's Accept-Language asks for.
 */
public final class EdgeTexts {
    private EdgeTexts() {}

    public static String text(String acceptLanguage, String key, Object... args) {
        Language language = language(acceptLanguage);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.edge", language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    static Language language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Language.EN;
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                var language = Language.fromTag(range.getRange());
                if (language.isPresent() && range.getWeight() > 0) return language.get();
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed header is not worth another error
        }
        return Language.EN;
    }
}
