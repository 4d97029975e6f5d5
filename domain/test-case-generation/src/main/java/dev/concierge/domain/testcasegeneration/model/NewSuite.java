package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.Characters;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/** A suite about to be created. */
public record NewSuite(String name, String description) {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 5_000;

    public NewSuite {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        List<FieldError> problems = new ArrayList<>();
        if (name.isEmpty() || Characters.count(name) > MAX_NAME) problems.add(FieldError.of("name", "must be 1 to " + MAX_NAME + " characters"));
        if (Characters.count(description) > MAX_DESCRIPTION) problems.add(FieldError.of("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        if (!problems.isEmpty()) throw new InvalidInput("The suite is not valid.", problems);
    }
}
