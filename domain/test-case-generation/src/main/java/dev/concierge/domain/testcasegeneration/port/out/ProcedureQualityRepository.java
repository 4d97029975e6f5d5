package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.testcasegeneration.model.ProcedureQuality.ModelReview;
import dev.concierge.domain.testcasegeneration.model.ProcedureScore;
import dev.concierge.domain.testcasegeneration.model.StepReview;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

import java.util.List;
import java.util.Optional;

/** Scores, model findings and step reviews kept with each revision of a case's procedure; they go with the case. */
public interface ProcedureQualityRepository {
    /** Keeps the revision's score; a score stored before for that revision is replaced. */
    void saveScore(TestCaseId testCase, int revision, ProcedureScore score);

    Optional<ProcedureScore> score(TestCaseId testCase, int revision);

    /** Keeps the second model pass's findings for the revision (the latest pass wins). */
    void saveModelReview(TestCaseId testCase, int revision, ModelReview review);

    Optional<ModelReview> modelReview(TestCaseId testCase, int revision);

    /** Adds a reviewer's decision on a step; earlier ones stay, the latest counts. */
    void addStepReview(TestCaseId testCase, StepReview review);

    /** The decisions on the revision's steps, oldest first. */
    List<StepReview> stepReviews(TestCaseId testCase, int revision);
}
