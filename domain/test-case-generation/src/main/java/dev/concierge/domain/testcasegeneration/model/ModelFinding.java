package dev.concierge.domain.testcasegeneration.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a second model pass found wrong with a procedure, in the case's language: about step {@code step} (from 1),
 * or about the whole procedure when empty. The text is the model's, shown as written, like its steps.
 */
public record ModelFinding(Optional<Integer> step, String text) {
    public static final int MAX_TEXT = 1_000;

    public ModelFinding {
        Objects.requireNonNull(step, "step");
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT - 1) + "…";
    }
}
