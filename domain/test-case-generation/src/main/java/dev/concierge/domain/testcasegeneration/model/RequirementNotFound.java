package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.NotFound;

public final class RequirementNotFound extends NotFound {
    public RequirementNotFound(RequirementId id) { super("Requirement " + id + " does not exist."); }
}
