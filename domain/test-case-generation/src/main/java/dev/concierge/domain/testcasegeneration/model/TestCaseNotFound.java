package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.NotFound;

public final class TestCaseNotFound extends NotFound {
    public TestCaseNotFound(TestCaseId id) { super("Test case " + id + " does not exist."); }
}
