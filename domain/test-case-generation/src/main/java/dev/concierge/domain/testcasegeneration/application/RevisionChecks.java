package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.testcasegeneration.model.ModelFinding;
import dev.concierge.domain.testcasegeneration.model.ProcedureQuality;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.ProcedureScore;
import dev.concierge.domain.testcasegeneration.model.StepChecks;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureGenerator;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureQualityRepository;
import dev.concierge.domain.testcasegeneration.port.out.ProcedureReviewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Scores every new revision with the {@link StepChecks} and keeps the score with it; after a generation, the optional
 * second model pass reviews the procedure against its case and its findings are kept too. A failed second pass
 * loses nothing but its findings: the procedure stands.
 */
public final class RevisionChecks {
    private static final Logger LOG = LoggerFactory.getLogger(RevisionChecks.class);

    private final Optional<ProcedureQualityRepository> qualities;
    private final Optional<ProcedureReviewer> reviewer;
    private final Clock clock;
    private final Optional<CaseEmbeddings> embeddings;

    public RevisionChecks(ProcedureQualityRepository qualities, Optional<ProcedureReviewer> reviewer, Clock clock) {
        this(qualities, reviewer, Optional.empty(), clock);
    }

    /** {@code embeddings}: a generated procedure's case gets its vector for the duplicates check. */
    public RevisionChecks(ProcedureQualityRepository qualities, Optional<ProcedureReviewer> reviewer, Optional<CaseEmbeddings> embeddings,
                          Clock clock) {
        this.qualities = Optional.of(qualities);
        this.reviewer = reviewer;
        this.embeddings = embeddings;
        this.clock = clock;
    }

    private RevisionChecks(Clock clock) {
        this.embeddings = Optional.empty();
        this.qualities = Optional.empty();
        this.reviewer = Optional.empty();
        this.clock = clock;
    }

    /** Keeps nothing: for services built without a place to keep scores (their tests). */
    public static RevisionChecks none(Clock clock) { return new RevisionChecks(clock); }

    /** Scores the case's current revision and keeps the score with it (again, if it was scored before). */
    void scoreCurrent(TestCase testCase) {
        if (qualities.isEmpty()) return;
        testCase.procedure().ifPresent(revision -> qualities.get().saveScore(testCase.id(), revision.number(), score(testCase, revision)));
    }

    /** The second model pass over a freshly generated revision, when one is configured. Never throws for the model. */
    void reviewGenerated(TestCase testCase) {
        if (qualities.isEmpty() || reviewer.isEmpty() || testCase.procedure().isEmpty()) return;
        ProcedureRevision revision = testCase.procedure().get();
        try {
            List<ModelFinding> findings = reviewer.get().review(GenerationRequests.of(testCase), revision.procedure());
            qualities.get().saveModelReview(testCase.id(), revision.number(), new ProcedureQuality.ModelReview(findings, clock.instant()));
        } catch (ProcedureGenerator.GenerationUnavailable | ProcedureGenerator.GenerationFailed e) {
            LOG.warn("second model pass over {} revision {} skipped: {}", testCase.content().key(), revision.number(), e.getMessage());
        }
    }

    /** After a generation, outside its transaction: the case's vector, when the embedding model is there (never throws for it). */
    void embedGenerated(TestCase testCase) {
        embeddings.ifPresent(e -> e.refresh(testCase));
    }

    /** What is known of the revision; a revision scored before this was kept (older data) is scored now and kept. */
    ProcedureQuality quality(TestCase testCase, ProcedureRevision revision) {
        if (qualities.isEmpty()) return new ProcedureQuality(testCase.id(), revision.number(), revision.procedure().steps().size(), score(testCase, revision), Optional.empty(), List.of());
        ProcedureQualityRepository store = qualities.get();
        ProcedureScore score = store.score(testCase.id(), revision.number()).orElseGet(() -> {
            ProcedureScore now = score(testCase, revision);
            store.saveScore(testCase.id(), revision.number(), now);
            return now;
        });
        return new ProcedureQuality(testCase.id(), revision.number(), revision.procedure().steps().size(), score, store.modelReview(testCase.id(), revision.number()),
                store.stepReviews(testCase.id(), revision.number()));
    }

    private static ProcedureScore score(TestCase testCase, ProcedureRevision revision) {
        return StepChecks.check(revision.procedure(), testCase.content());
    }
}
