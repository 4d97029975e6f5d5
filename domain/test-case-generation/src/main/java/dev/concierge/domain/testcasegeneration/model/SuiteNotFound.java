package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.NotFound;

public final class SuiteNotFound extends NotFound {
    public SuiteNotFound(SuiteId id) { super("Suite " + id + " does not exist."); }
}
