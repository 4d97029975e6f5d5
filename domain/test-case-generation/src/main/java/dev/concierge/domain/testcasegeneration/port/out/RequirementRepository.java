package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.testcasegeneration.model.CaseRef;
import dev.concierge.domain.testcasegeneration.model.CaseTrace;
import dev.concierge.domain.testcasegeneration.model.NewRequirement;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.RequirementId;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A suite's requirements with their acceptance criteria, and which cases trace to which criteria. */
public interface RequirementRepository {
    /** Creates the requirement, or replaces the wording and criteria of the one with the same reference in the suite. */
    Requirement save(SuiteId suite, NewRequirement requirement, Instant at);

    Optional<Requirement> find(RequirementId id);

    Optional<Requirement> findByReference(SuiteId suite, String reference);

    /** Every requirement of the suite, ordered by reference. */
    List<Requirement> inSuite(SuiteId suite);

    /** Removes the requirement with its criteria and the traces to it; its cases stay. False when it was already gone. */
    boolean delete(RequirementId id);

    /** Stores (or replaces) the case's trace. */
    void trace(CaseTrace trace);

    Optional<CaseTrace> traceOf(TestCaseId testCase);

    List<CaseTrace> tracesOf(RequirementId requirement);

    List<CaseTrace> tracesInSuite(SuiteId suite);

    /** The cases of the suite that have a trace, for naming them in a coverage listing. */
    List<CaseRef> tracedCases(SuiteId suite);

    /**
     * Up to {@code limit} cases of the suite with no trace and no requirement reference naming one of its requirements,
     * ordered by key; {@link #countUntraced} counts them all.
     */
    List<CaseRef> untracedCases(SuiteId suite, int limit);

    long countUntraced(SuiteId suite);
}
