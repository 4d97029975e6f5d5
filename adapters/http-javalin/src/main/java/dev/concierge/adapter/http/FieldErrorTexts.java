package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Language;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Field errors in words, from {@code i18n/field-errors_<lang>.properties}: one pattern per code, filled with the
 * error's figures. A code without a pattern shows the code and figures rather than failing the answer.
 */
public final class FieldErrorTexts {
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    private FieldErrorTexts() {}

    /** What is wrong with the field, e.g. "must be at most 200 characters". */
    public static String problem(FieldError error, Language language) {
        // a code may be worded per its first figure (wrong_type.date), the figure being a word, not a value to show
        String pattern = error.args().isEmpty() ? null : pattern(language, error.code() + "." + error.args().getFirst());
        if (pattern == null) pattern = pattern(language, error.code());
        if (pattern == null) return error.code() + (error.args().isEmpty() ? "" : " " + error.args());
        return new MessageFormat(pattern, language.locale()).format(error.args().toArray());
    }

    /** The error's whole sentence for a list of problems: the one problem, or how many and what they are. */
    public static String summary(List<FieldError> errors, Language language) {
        String each = errors.stream().map(e -> e.field() + ": " + problem(e, language)).collect(Collectors.joining(separator(language)));
        String key = errors.size() == 1 ? "summary.one" : "summary.many";
        return new MessageFormat(pattern(language, key), language.locale()).format(new Object[] {errors.size(), each});
    }

    private static String separator(Language language) { return language == Language.JA ? "、" : "; "; }

    private static String pattern(Language language, String key) {
        try {
            return bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static synchronized ResourceBundle bundle(Language language) {
        return BUNDLES.computeIfAbsent(language, l -> ResourceBundle.getBundle("i18n.field-errors", l.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
