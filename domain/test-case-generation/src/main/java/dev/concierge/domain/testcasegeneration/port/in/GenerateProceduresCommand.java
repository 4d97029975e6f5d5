package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

import java.util.List;
import java.util.Objects;

/** Generate for the listed cases, or, when {@code cases} is empty, for every draft of the suite. */
public record GenerateProceduresCommand(Actor actor, SuiteId suite, List<TestCaseId> cases) {
    public static final int MAX_SELECTION = 5_000;

    public GenerateProceduresCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(suite, "suite");
        cases = List.copyOf(cases.stream().distinct().toList());
        if (cases.size() > MAX_SELECTION) throw InvalidInput.field("testCaseIds", Validation.TOO_MANY, MAX_SELECTION);
    }

    public boolean allDrafts() { return cases.isEmpty(); }
}
