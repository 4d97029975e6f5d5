package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.testcasegeneration.model.CoverageMatrix;
import dev.concierge.domain.testcasegeneration.model.RequirementDetail;
import dev.concierge.domain.testcasegeneration.model.RequirementId;
import dev.concierge.domain.testcasegeneration.model.RequirementImport;
import dev.concierge.domain.testcasegeneration.model.SkippedCase;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;

import java.util.List;

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

    record Regenerated(List<TestCase> regenerated, List<SkippedCase> skipped) {
        public Regenerated {
            regenerated = List.copyOf(regenerated);
            skipped = List.copyOf(skipped);
        }
    }
}
