package dev.concierge.architecture;

import dev.concierge.adapter.http.EdgeTexts;
import dev.concierge.adapter.http.FieldErrorTexts;
import dev.concierge.adapter.http.web.Messages;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Validation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error code the code can answer reads as a sentence in Japanese and English: a code the bundles do not word
 * reaches the person as the server's own English text (a domain error) or as the bare code (a field error).
 * The codes are read from the main sources, where they are written as literals. Invalid input is worded by its field
 * errors, a refused sign-in by the edge bundle.
 */
class ErrorWordingTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ERROR_CODE = Pattern.compile(
            "new (?:Conflict|RuleViolated|Unavailable)\\(\"([a-z_]+)\"|super\\(\"([a-z_]+)\"");
    private static final Pattern FIELD_CODE = Pattern.compile("(?:FieldError\\.of|problems\\.add)\\([^,;\\n]*, \"([a-z_]+)\"");

    @Test void every_domain_error_code_is_worded_in_both_languages() {
        Set<String> codes = codes(ERROR_CODE);
        assertThat(codes).as("codes found in the sources").contains("stale", "not_found", "report_filed");
        for (Language language : Language.values()) {
            Messages messages = Messages.of(language);
            List<String> unworded = codes.stream()
                    .filter(code -> !code.equals("invalid_request"))
                    .filter(code -> !worded(messages, "error.code." + code) && !worded(messages, "error.unavailable." + code))
                    .filter(code -> EdgeTexts.text(language, "edge.unauthenticated." + code).startsWith("edge."))
                    .toList();
            assertThat(unworded).as("error codes without error.code.<code> in the %s bundles", language).isEmpty();
        }
    }

    @Test void every_field_error_code_is_worded_in_both_languages() {
        Set<String> codes = codes(FIELD_CODE);
        codes.addAll(validationCodes());
        assertThat(codes).as("codes found in the sources").contains("not_csv", "required");
        for (Language language : Language.values()) {
            List<String> unworded = codes.stream()
                    .filter(code -> FieldErrorTexts.problem(FieldError.of("file", code), language).equals(code))
                    .toList();
            assertThat(unworded).as("field error codes without a pattern in field-errors_%s", language.tag()).isEmpty();
        }
    }

    private static boolean worded(Messages messages, String key) { return !messages.t(key).equals(key); }

    private static Set<String> codes(Pattern pattern) {
        Set<String> codes = new TreeSet<>();
        for (Path source : mainSources()) {
            Matcher m = pattern.matcher(read(source));
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) codes.add(m.group(g));
            }
        }
        return codes;
    }

    private static Set<String> validationCodes() {
        Set<String> codes = new TreeSet<>();
        for (Field field : Validation.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    codes.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }

    private static List<Path> mainSources() {
        List<Path> sources = new ArrayList<>();
        for (String tree : List.of("domain", "adapters", "bootstrap")) {
            try (Stream<Path> all = Files.walk(ROOT.resolve(tree))) {
                all.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> Arrays.asList(ROOT.relativize(p).toString().split("/")).containsAll(List.of("src", "main")))
                        .forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
