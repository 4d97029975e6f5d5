package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Validation;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A requirement as a file or a person states it: a reference unique in the suite ({@code REQ-12}), a title, an optional
 * description and its acceptance criteria. The reference is at most 30 characters, so a generated case's key
 * ({@code REQ-12-C03}) stays within a test case key's 40.
 */
public record NewRequirement(String reference, String title, String description, List<AcceptanceCriterion> criteria) {
    public static final int MAX_REFERENCE = 30;
    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_CRITERIA = 50;
    /** (max length): the reference's form, as a test case key's. */
    public static final String REFERENCE_FORMAT = "requirement_reference";
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._\\-/]{0,29}");

    public NewRequirement {
        reference = reference == null ? "" : Normalizer.normalize(reference, Normalizer.Form.NFKC).strip(); // "REQ-１" is REQ-1
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip();
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        Validation problems = new Validation();
        problems.check(REFERENCE.matcher(reference).matches(), "reference", REFERENCE_FORMAT, MAX_REFERENCE);
        problems.text("title", title, 1, MAX_TITLE);
        problems.maxLength("description", description, MAX_DESCRIPTION);
        problems.check(!criteria.isEmpty(), "criteria", Validation.TOO_FEW, 1);
        problems.check(criteria.size() <= MAX_CRITERIA, "criteria", Validation.TOO_MANY, MAX_CRITERIA);
        Set<String> codes = new HashSet<>();
        for (AcceptanceCriterion criterion : criteria) {
            if (!codes.add(criterion.code())) problems.add("criteria", Validation.DUPLICATE, criterion.code());
        }
        problems.throwIfInvalid();
    }

    public Language language() {
        StringBuilder all = new StringBuilder(title).append('\n').append(description);
        criteria.forEach(c -> all.append('\n').append(c.text()));
        return Language.detect(all.toString());
    }
}
