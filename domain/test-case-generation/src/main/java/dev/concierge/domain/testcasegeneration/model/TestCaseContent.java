package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;

import java.text.Normalizer;
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
        // An id typed with a Japanese input method ("REQ-１") is the requirement REQ-1 it names.
        requirementReference = Normalizer.normalize(clean(requirementReference), Normalizer.Form.NFKC);
        requirementText = clean(requirementText);
        priority = priority == null ? Priority.MEDIUM : priority;
        tags = tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags.stream().map(TestCaseContent::clean)
                .filter(t -> !t.isEmpty()).toList()));
        Validation problems = new Validation();
        if (title.isEmpty() || Validation.length(title) > MAX_TITLE) problems.add("title", Validation.LENGTH, 1, MAX_TITLE);
        problems.maxLength("preconditions", preconditions, MAX_TEXT);
        problems.maxLength("expectedResult", expectedResult, MAX_TEXT);
        problems.maxLength("requirementReference", requirementReference, MAX_REFERENCE);
        problems.maxLength("requirementText", requirementText, MAX_TEXT);
        if (tags.size() > MAX_TAGS) problems.add("tags", Validation.TOO_MANY, MAX_TAGS);
        if (tags.stream().anyMatch(t -> Validation.length(t) > MAX_TAG)) problems.add("tags", Validation.EACH_TOO_LONG, MAX_TAG);
        problems.throwIfInvalid();
    }

    /** Japanese when the case is written in Japanese: the procedure is written in the same language. */
    public Language language() {
        return Language.detect(title + "\n" + preconditions + "\n" + expectedResult + "\n" + requirementText);
    }

    
    private static String clean(String text) { return text == null ? "" : text.strip(); }
}
