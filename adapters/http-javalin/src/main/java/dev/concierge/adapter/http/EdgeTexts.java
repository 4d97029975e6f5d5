package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.Language;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What the HTTP edge says when it refuses a request itself (a body too slow, too large, in the wrong type or
 * encoding), from {@code i18n/edge_<lang>.properties}, in the language the request's Accept-Language asks for.
 */
public final class EdgeTexts {
    private EdgeTexts() {}

    public static String text(String acceptLanguage, String key, Object... args) {
        return text(RequestLanguage.fromAcceptLanguage(acceptLanguage), key, args);
    }

    /** The text for {@code key}; a missing key shows itself rather than failing the answer. */
    public static String text(Language language, String key, Object... args) {
        return find(language, key, args).orElse(key);
    }

    /** The text for {@code key}, if the bundle words it. */
    public static Optional<String> find(Language language, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.edge", language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
        return Optional.of(args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args));
    }
}
