package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Validation;

/** A term of the suite's domain and what it means, so the model writes the team's words. */
public record GlossaryEntry(String term, String meaning) {
    public static final int MAX_TERM = 100;
    public static final int MAX_MEANING = 1_000;

    public GlossaryEntry {
        term = term == null ? "" : term.strip();
        meaning = meaning == null ? "" : meaning.strip();
        Validation problems = new Validation();
        problems.text("term", term, 1, MAX_TERM);
        problems.maxLength("meaning", meaning, MAX_MEANING);
        problems.throwIfInvalid();
    }
}
