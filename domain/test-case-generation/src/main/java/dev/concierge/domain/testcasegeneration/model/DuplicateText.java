package dev.concierge.domain.testcasegeneration.model;

import java.util.List;
import java.util.Optional;

/**
 * What of a case is compared for near-duplicates: its title, preconditions, expected result and the steps of its
 * procedure. Keys, tags and priority are left out: two cases with different keys can still test the same thing.
 */
public final class DuplicateText {
    private DuplicateText() {}

    public static String of(TestCase testCase) {
        return of(testCase.content(), testCase.procedure().map(r -> r.procedure().steps()).orElse(List.of()));
    }

    public static String of(TestCaseContent content, List<Step> steps) {
        return of(content.title(), content.preconditions(), content.expectedResult(), steps);
    }

    public static String of(String title, String preconditions, String expectedResult, List<Step> steps) {
        StringBuilder text = new StringBuilder(title == null ? "" : title.strip());
        append(text, preconditions);
        append(text, expectedResult);
        for (Step step : steps) {
            append(text, step.action() + " → " + step.expectedResult() + step.testData().map(d -> " [" + d + "]").orElse(""));
        }
        return text.toString();
    }

    /** The fingerprint stored beside the vector: the same text embeds to the same vector, so it is not asked again. */
    public static String hash(String text) { return ContentHash.of(text); }

    private static void append(StringBuilder text, String part) {
        Optional.ofNullable(part).map(String::strip).filter(p -> !p.isEmpty()).ifPresent(p -> text.append('\n').append(p));
    }
}
