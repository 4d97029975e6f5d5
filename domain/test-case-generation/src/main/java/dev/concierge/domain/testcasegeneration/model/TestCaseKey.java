package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** A test case's key, unique within its suite, e.g. {@code TC-001}. */
public record TestCaseKey(String value) {
    /** (max length): the key's form, 1 to max letters, digits, '.', '_', '-' or '/', starting with a letter or digit. */
    public static final String KEY_FORMAT = "test_case_key";
    private static final Pattern FORMAT = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._\\-/]{0,39}");

    public TestCaseKey {
        // Full-width letters and digits from a Japanese input method ("ＴＣ-００１") are the key TC-001.
        value = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (!FORMAT.matcher(value).matches()) {
            throw InvalidInput.field("key", KEY_FORMAT, 40);
        }
    }

    @Override public String toString() { return value; }
}
