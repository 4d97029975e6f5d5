package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.testcasegeneration.model.ProcedureQuality.ModelReview;
import dev.concierge.domain.testcasegeneration.model.ProcedureScore;
import dev.concierge.domain.testcasegeneration.model.StepReview;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureQualityRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link ProcedureQualityRepository}, as its contract says. */
final class InMemoryQualities implements ProcedureQualityRepository {
    final Map<String, ProcedureScore> scores = new HashMap<>();
    final Map<String, ModelReview> reviews = new HashMap<>();
    final Map<String, List<StepReview>> steps = new HashMap<>();

    private static String key(TestCaseId id, int revision) { return id.value() + "#" + revision; }

    @Override public void saveScore(TestCaseId testCase, int revision, ProcedureScore score) { scores.put(key(testCase, revision), score); }

    @Override public Optional<ProcedureScore> score(TestCaseId testCase, int revision) { return Optional.ofNullable(scores.get(key(testCase, revision))); }

    @Override public void saveModelReview(TestCaseId testCase, int revision, ModelReview review) { reviews.put(key(testCase, revision), review); }

    @Override public Optional<ModelReview> modelReview(TestCaseId testCase, int revision) { return Optional.ofNullable(reviews.get(key(testCase, revision))); }

    @Override public void addStepReview(TestCaseId testCase, StepReview review) {
        steps.computeIfAbsent(key(testCase, review.revision()), k -> new ArrayList<>()).add(review);
    }

    @Override public List<StepReview> stepReviews(TestCaseId testCase, int revision) {
        return List.copyOf(steps.getOrDefault(key(testCase, revision), List.of()));
    }
}
