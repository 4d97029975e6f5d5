package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.testcasegeneration.model.Neighbours;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;

import java.util.List;

public interface ManageTestCasesUseCase {
    TestCase create(Actor actor, SuiteId suite, TestCaseContent content);

    /** New wording; {@code expectedVersion} guards against overwriting someone else's change. */
    TestCase update(Actor actor, TestCaseId id, TestCaseContent content, long expectedVersion);

    TestCase get(Actor actor, TestCaseId id);

    Page<TestCase> list(Actor actor, TestCaseQuery query);

    List<ProcedureRevision> revisions(Actor actor, TestCaseId id);

    /** Deletes the case with its procedure history and jobs; a running generation finds it gone and stops. */
    void delete(Actor actor, TestCaseId id);

    /** The cases before and after {@code id} when the suite is listed by {@code query} (its page is ignored). */
    Neighbours neighbours(Actor actor, TestCaseQuery query, TestCaseId id);
}
