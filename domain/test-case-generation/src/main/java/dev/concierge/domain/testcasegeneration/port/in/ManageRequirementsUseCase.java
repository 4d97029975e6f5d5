package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.CaseTrace;
import dev.concierge.domain.testcasegeneration.model.CoverageMatrix;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.RequirementDetail;
import dev.concierge.domain.testcasegeneration.model.RequirementId;
import dev.concierge.domain.testcasegeneration.model.RequirementImport;
import dev.concierge.domain.testcasegeneration.model.SkippedCase;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;

import java.util.List;
import java.util.Optional;

/**
 * Requirements as first-class objects: imported into a suite, test cases generated from them and traced to their
 * acceptance criteria, the cases a changed criterion made stale regenerated alone, and the coverage of the suite.
 */
public interface ManageRequirementsUseCase {
    RequirementImport importRequirements(ImportRequirementsCommand command);

    /** Every requirement of the suite with its cases, ordered by reference. */
    List<RequirementDetail> list(Actor actor, SuiteId suite);

    RequirementDetail get(Actor actor, RequirementId id);

    /** New cases (normal, boundary, error) with procedures, written by the model and traced to the criteria. */
    List<TestCase> generateCases(Actor actor, RequirementId id);

    /** Regenerates only the requirement's stale cases, each as a new revision; approved or busy ones are skipped. */
    Regenerated regenerateStale(Actor actor, RequirementId id);

    CoverageMatrix coverage(Actor actor, SuiteId suite);

    /**
     * Deletes the requirement and its acceptance criteria. Its cases stay, without a trace: they become cases with no
     * requirement, which the coverage warns about. Answers how many cases lost their trace.
     */
    int delete(Actor actor, RequirementId id);

    /** The requirement a case traces to and the trace (which criteria each step verifies), when it has one. */
    Optional<CaseRequirement> traceOf(Actor actor, TestCaseId testCase);

    record CaseRequirement(Requirement requirement, CaseTrace trace) {}

    record Regenerated(List<TestCase> regenerated, List<SkippedCase> skipped) {
        public Regenerated {
            regenerated = List.copyOf(regenerated);
            skipped = List.copyOf(skipped);
        }
    }
}
