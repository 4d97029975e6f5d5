package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.RuleViolated;

/** A suite too large to export within one request: it is exported as a background job instead. */
public final class ExportTooLarge extends RuleViolated {
    public ExportTooLarge(SuiteId suite, long cases, int limit) {
        super("export_too_large", "Suite " + suite + " has " + cases + " test cases; a direct download serves at most "
                + limit + ". Start an export with POST /api/suites/" + suite + "/exports and download it when it is ready.");
    }
}
