package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.testcasegeneration.model.Neighbours;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface TestCaseRepository {
    /** A new draft. @throws dev.concierge.domain.kernel.Conflict with code {@code duplicate_key} when the key is taken in the suite */
    TestCase create(SuiteId suite, TestCaseContent content, Instant at);

    Optional<TestCase> find(TestCaseId id);

    Optional<TestCase> findByKey(SuiteId suite, TestCaseKey key);

    Page<TestCase> list(TestCaseQuery query);

    /** Every case of the suite in one of the states (all states when empty), ordered by key. */
    List<TestCase> inSuite(SuiteId suite, Set<CaseStatus> statuses);

    List<TestCase> findAll(Collection<TestCaseId> ids);

    /** Up to {@code limit} cases of the suite whose key sorts after {@code after} (from the first when empty), ordered by key. */
    List<TestCase> inSuiteAfter(SuiteId suite, Optional<TestCaseKey> after, int limit);

    long countInSuite(SuiteId suite);

    /**
     * Stores the new state if nobody changed the case since it was read ({@code version} matches) and returns it
     * with the next version; stores the current revision in the history when it is new.
     * @throws dev.concierge.domain.kernel.Conflict with code {@code stale} otherwise
     */
    TestCase save(TestCase changed);

    /** The whole revision history, oldest first. */
    List<ProcedureRevision> revisions(TestCaseId id);

    /** Removes the case with its revisions and jobs; false when it was already gone. */
    boolean delete(TestCaseId id);

    /** The cases before and after {@code id} in the listing {@code query} describes (its page ignored). */
    Neighbours neighbours(TestCaseQuery query, TestCaseId id);
}
