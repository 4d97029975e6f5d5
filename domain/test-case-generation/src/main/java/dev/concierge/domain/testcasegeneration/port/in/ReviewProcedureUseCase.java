package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.BulkApproval;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

/** A reviewer's decisions on a generated procedure. Each takes the version the reviewer saw. */
public interface ReviewProcedureUseCase {
    TestCase edit(Actor actor, TestCaseId id, Procedure procedure, long expectedVersion);

    TestCase approve(Actor actor, TestCaseId id, long expectedVersion);

    TestCase reject(Actor actor, TestCaseId id, String reason, long expectedVersion);

    TestCase reopen(Actor actor, TestCaseId id, long expectedVersion);

    /**
     * Approves each case whose version is still the one given (the reviewer saw that procedure); the others are
     * skipped and named, none is approved half.
     */
    BulkApproval approveAll(Actor actor, SuiteId suite, java.util.Map<TestCaseId, Long> expectedVersions);
}
