package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import dev.concierge.domain.testcasegeneration.model.SuiteId;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Requirements read from a file: created, or replacing the one with the same reference. */
public record ImportRequirementsCommand(Actor actor, SuiteId suite, List<NewRequirement> requirements) {
    public static final int MAX_REQUIREMENTS = 2_000;

    public ImportRequirementsCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(suite, "suite");
        requirements = List.copyOf(requirements);
        Validation problems = new Validation();
        problems.check(!requirements.isEmpty(), "requirements", Validation.TOO_FEW, 1);
        problems.check(requirements.size() <= MAX_REQUIREMENTS, "requirements", Validation.TOO_MANY, MAX_REQUIREMENTS);
        Set<String> references = new HashSet<>();
        for (NewRequirement r : requirements) if (!references.add(r.reference())) problems.add("requirements", Validation.DUPLICATE, r.reference());
        if (!problems.isValid()) throw new InvalidInput(problems.errors());
    }
}
