package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Validation;
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
        Validation problems = new Validation();
        if (name.isEmpty() || Validation.length(name) > MAX_NAME) problems.add("name", Validation.LENGTH, 1, MAX_NAME);
        if (Validation.length(description) > MAX_DESCRIPTION) problems.add("description", Validation.TOO_LONG, MAX_DESCRIPTION);
        problems.throwIfInvalid();
    }
}
