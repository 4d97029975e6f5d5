package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Validation;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Object[] args = error.args().toArray();
        // "must not be before {0}" names another field: as the reader calls it
        if (error.code().equals(Validation.BEFORE) && args.length > 0 && args[0] instanceof String other) args[0] = field(other, language);
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /** The error's whole sentence for a list of problems: the one problem, or how many and what they are. */
    public static String summary(List<FieldError> errors, Language language) {
        String each = errors.stream().map(e -> field(e.field(), language) + ": " + problem(e, language)).collect(Collectors.joining(separator(language)));
        String key = errors.size() == 1 ? "summary.one" : "summary.many";
        return new MessageFormat(pattern(language, key), language.locale()).format(new Object[] {errors.size(), each});
    }

    /**
     * A field as its reader calls it, where the bundle names it ({@code field.title}); "line 4: title" of a file's row
     * as {@code field.line}. Other fields (a JSON path, a key) show as sent.
     */
    public static String field(String field, Language language) {
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            // items[2].end is the third row's end, as the form shows it: counted from 1
            String pattern = pattern(language, "field.row");
            String rows = pattern(language, "field." + row.group(1));
            if (pattern != null && rows != null) {
                return new MessageFormat(pattern, language.locale()).format(new Object[] {rows,
                        Integer.parseInt(row.group(2)) + 1, field(row.group(3), language)});
            }
        }
        Matcher line = LINE.matcher(field);
        if (line.matches()) {
            String pattern = pattern(language, "field.line");
            String rest = field(line.group(2), language);
            return pattern == null ? field : new MessageFormat(pattern, language.locale()).format(new Object[] {line.group(1), rest});
        }
        String name = pattern(language, "field." + field);
        return name == null ? field : name;
    }

    private static final Pattern LINE = Pattern.compile("line (\\d+): (.+)");
    private static final Pattern ROW = Pattern.compile("([A-Za-z]+)\\[(\\d{1,6})\\]\\.(.+)");

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
