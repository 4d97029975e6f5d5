package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Validation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One acceptance criterion of a requirement: a code unique within it ({@code AC1}), its wording, and the hash of the
 * wording, which tells whether a case generated from it is stale.
 */
public record AcceptanceCriterion(String code, String text, String hash) {
    public static final int MAX_TEXT = 2_000;
    /** (): the code's form, 1 to 20 letters, digits, '.', '_' or '-'. */
    public static final String CODE_FORMAT = "criterion_code";
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._\\-]{0,19}");

    public AcceptanceCriterion {
        code = code == null ? "" : code.strip();
        text = text == null ? "" : text.strip();
        Objects.requireNonNull(hash, "hash");
        Validation problems = new Validation();
        problems.check(CODE.matcher(code).matches(), "code", CODE_FORMAT);
        problems.text("text", text, 1, MAX_TEXT);
        problems.throwIfInvalid();
    }

    public static AcceptanceCriterion of(String code, String text) {
        return new AcceptanceCriterion(code, text, ContentHash.of(text));
    }
}
