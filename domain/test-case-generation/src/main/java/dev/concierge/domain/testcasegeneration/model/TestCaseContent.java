package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Characters;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** What a QA engineer writes about a test case; the language of the procedure follows it. */
public record TestCaseContent(TestCaseKey key, String title, String preconditions, String expectedResult,
                              String requirementReference, String requirementText, Priority priority, List<String> tags) {
    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_REFERENCE = 200;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;

    public TestCaseContent {
        Objects.requireNonNull(key, "key");
        title = clean(title);
        preconditions = clean(preconditions);
        expectedResult = clean(expectedResult);
        requirementReference = clean(requirementReference);
        requirementText = clean(requirementText);
        priority = priority == null ? Priority.MEDIUM : priority;
        tags = tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags.stream().map(TestCaseContent::clean)
                .filter(t -> !t.isEmpty()).toList()));
        List<FieldError> problems = new ArrayList<>();
        if (title.isEmpty() || Characters.count(title) > MAX_TITLE) problems.add(FieldError.of("title", "must be 1 to " + MAX_TITLE + " characters"));
        check(problems, "preconditions", preconditions, MAX_TEXT);
        check(problems, "expectedResult", expectedResult, MAX_TEXT);
        check(problems, "requirementReference", requirementReference, MAX_REFERENCE);
        check(problems, "requirementText", requirementText, MAX_TEXT);
        if (tags.size() > MAX_TAGS) problems.add(FieldError.of("tags", "must be at most " + MAX_TAGS + " tags"));
        if (tags.stream().anyMatch(t -> Characters.count(t) > MAX_TAG)) problems.add(FieldError.of("tags", "each tag must be at most " + MAX_TAG + " characters"));
        if (!problems.isEmpty()) throw new InvalidInput("The test case is not valid.", problems);
    }

    /** Japanese when the case is written in Japanese: the procedure is written in the same language. */
    public Language language() {
        return Language.detect(title + "\n" + preconditions + "\n" + expectedResult + "\n" + requirementText);
    }

    private static void check(List<FieldError> problems, String field, String value, int max) {
        if (Characters.count(value) > max) problems.add(FieldError.of(field, "must be at most " + max + " characters"));
    }

    private static String clean(String text) { return text == null ? "" : text.strip(); }
}
