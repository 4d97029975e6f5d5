package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.TestCaseView;
import dev.concierge.domain.testcasegeneration.model.ModelFinding;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.ProcedureQuality;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.StepFinding;
import dev.concierge.domain.testcasegeneration.model.StepReview;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the step-review API answers and accepts; every reason is worded in the reader's language beside its code. */
final class StepReviewViews {
    private StepReviewViews() {}

    /** A broken rule: {@code rule} and {@code field} are codes, {@code args} the figures, {@code message} the reason in words. */
    record FindingView(String rule, String field, String fieldName, List<String> args, String message) {
        static FindingView of(StepFinding f, TestCaseGenerationTexts texts) {
            return new FindingView(f.rule().wireName(), f.field(), texts.t("tcg.step." + f.field()), f.args(), reason(f, texts));
        }

        static String reason(StepFinding f, TestCaseGenerationTexts texts) {
            String key = "tcg.rule." + f.rule().wireName();
            if (!f.args().isEmpty() && f.args().getFirst().isEmpty()) key += ".short";
            return texts.t(key, f.args().toArray());
        }
    }

    record ReviewView(String verdict, String verdictName, String note, String reviewer, OffsetDateTime at) {
        static ReviewView of(StepReview r, ZoneId zone, TestCaseGenerationTexts texts) {
            return new ReviewView(r.verdict().wireName(), texts.t("tcg.verdict." + r.verdict().wireName()), r.note(), r.reviewer().value(),
                    TestCaseGenerationViews.time(r.at(), zone));
        }
    }

    /** One step with its own score, the checks' reasons, what the second model pass said of it, and the latest decision. */
    record StepQualityView(int number, int score, List<FindingView> findings, List<String> modelFindings, ReviewView review) {}

    record ModelFindingView(Integer step, String text) {
        static ModelFindingView of(ModelFinding f) { return new ModelFindingView(f.step().orElse(null), f.text()); }
    }

    record ModelReviewView(OffsetDateTime at, List<ModelFindingView> findings) {}

    /** A revision's quality: {@code score} 0–100, {@code summary} in words, each step's reasons. */
    record QualityView(long testCaseId, int revision, int score, String summary, List<StepQualityView> steps,
                       ModelReviewView modelReview) {
        static QualityView of(ProcedureQuality q, ZoneId zone, TestCaseGenerationTexts texts) {
            int steps = q.steps();
            List<StepQualityView> perStep = new ArrayList<>();
            for (int n = 1; n <= steps; n++) {
                int number = n;
                perStep.add(new StepQualityView(number, q.score().stepScore(number),
                        q.score().at(number).stream().map(f -> FindingView.of(f, texts)).toList(),
                        q.modelReview().map(r -> r.findings().stream().filter(f -> f.step().equals(Optional.of(number)))
                                .map(ModelFinding::text).toList()).orElse(List.of()),
                        q.reviewOf(number).map(r -> ReviewView.of(r, zone, texts)).orElse(null)));
            }
            long clean = perStep.stream().filter(s -> s.findings().isEmpty()).count();
            return new QualityView(q.testCase().value(), q.revision(), q.score().score(),
                    texts.t("tcg.quality.summary", q.score().score(), clean, steps), perStep,
                    q.modelReview().map(r -> new ModelReviewView(TestCaseGenerationViews.time(r.at(), zone),
                            r.findings().stream().map(ModelFindingView::of).toList())).orElse(null));
        }
    }

    /** The answer to a step action: the case as it is now and the quality of its current revision. */
    record StepReviewedView(TestCaseView testCase, QualityView quality) {}

    /** Body of accept and regenerate. */
    record StepNoteRequest(String note, Long version) {}

    /** Body of {@code PUT /api/test-cases/{id}/steps/{step}}. */
    record EditStepRequest(String action, String expectedResult, String testData, String note, Long version) {
        Step toStep() {
            List<dev.concierge.domain.kernel.FieldError> problems = Procedure.problemsOf(List.of(new Step(action, expectedResult,
                    Optional.ofNullable(testData)))).stream().map(e -> e.under("")).toList();
            if (!problems.isEmpty()) {
                // "steps[0].action" means nothing to one step's editor: name the field alone.
                throw new dev.concierge.domain.kernel.InvalidInput(problems.stream().map(e ->
                        dev.concierge.domain.kernel.FieldError.of(e.field().replace("steps[0].", ""), e.code(), e.args().toArray())).toList());
            }
            return new Step(action, expectedResult, Optional.ofNullable(testData));
        }
    }

}
