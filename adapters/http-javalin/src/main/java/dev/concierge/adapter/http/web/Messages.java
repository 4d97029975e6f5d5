package dev.concierge.adapter.http.web;

import dev.concierge.adapter.http.HttpContext;
import dev.concierge.domain.kernel.Language;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI text in one language: the shared {@code i18n/messages_<lang>.properties} (layout, common words) merged with every
 * context's own bundle ({@link HttpContext#bundleBaseName()}), all UTF-8. A key defined in two bundles is a start-up
 * error naming both, so one team's key never silently hides another's.
 */
public final class Messages {
    static final String SHARED = "i18n.messages";
    private static final Map<Language, Messages> CACHE = new EnumMap<>(Language.class);

    private final Language language;
    private final Map<String, String> texts;

    private Messages(Language language, List<String> baseNames) {
        this.language = language;
        Map<String, String> merged = new HashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        for (String baseName : baseNames) {
            ResourceBundle bundle = bundle(baseName, language);
            for (String key : bundle.keySet()) {
                String earlier = definedIn.putIfAbsent(key, baseName);
                if (earlier != null) {
                    throw new IllegalStateException("message key '" + key + "' is defined in both " + earlier + " and "
                            + baseName + ": each context's keys start with its own prefix");
                }
                merged.put(key, bundle.getString(key));
            }
        }
        this.texts = Map.copyOf(merged);
    }

    public static synchronized Messages of(Language language) {
        return CACHE.computeIfAbsent(language, l -> merged(l, HttpContext.all()));
    }

    /** The shared bundle and those of {@code contexts}, merged; visible for the test of the duplicate-key check. */
    static Messages merged(Language language, List<HttpContext> contexts) {
        List<String> baseNames = new ArrayList<>(List.of(SHARED));
        contexts.forEach(context -> baseNames.add(context.bundleBaseName()));
        return new Messages(language, baseNames);
    }

    public Language language() { return language; }

    /** The text for {@code key}; a missing key shows itself rather than failing the page. */
    public String t(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) return key;
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    private static ResourceBundle bundle(String baseName, Language language) {
        try {
            return ResourceBundle.getBundle(baseName, language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing message bundle " + baseName.replace('.', '/') + "_" + language.tag()
                    + ".properties", e);
        }
    }
}
