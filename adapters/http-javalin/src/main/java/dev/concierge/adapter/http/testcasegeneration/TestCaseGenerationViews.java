package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
import dev.concierge.domain.testcasegeneration.model.BulkApproval;
import dev.concierge.domain.testcasegeneration.model.GenerationStarted;
import dev.concierge.domain.testcasegeneration.model.SkippedCase;
import dev.concierge.domain.testcasegeneration.model.ImportReport;
import dev.concierge.domain.testcasegeneration.model.JobState;
import dev.concierge.domain.testcasegeneration.model.ProcedureRevision;
import dev.concierge.domain.testcasegeneration.model.Step;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;

import java.time.Instant;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.ExportState;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the test-case generation API answers and accepts: camelCase records, ISO-8601 times with offset. */
final class TestCaseGenerationViews {
    private TestCaseGenerationViews() {}

    static OffsetDateTime time(Instant instant, ZoneId zone) { return instant.atZone(zone).toOffsetDateTime(); }

    record SuiteView(long id, String name, String description, String team, String createdBy, OffsetDateTime createdAt) {
        static SuiteView of(Suite s, ZoneId zone) {
            return new SuiteView(s.id().value(), s.name(), s.description(), s.team(), s.createdBy().value(), time(s.createdAt(), zone));
        }
    }

    record StepView(String action, String expectedResult, String testData) {
        static StepView of(Step step) { return new StepView(step.action(), step.expectedResult(), step.testData().orElse(null)); }
    }

    /** {@code summary}: what the revision changed, in the reader's language. */
    record RevisionView(int number, String kind, String author, OffsetDateTime createdAt, String summary, List<StepView> steps,
                        ProvenanceView provenance) {
        static RevisionView of(ProcedureRevision r, ZoneId zone, TestCaseGenerationTexts texts) {
            return new RevisionView(r.number(), r.kind().wireName(), r.author().orElse(null), time(r.createdAt(), zone),
                    texts.change(r), r.procedure().steps().stream().map(StepView::of).toList(),
                    r.provenance().map(ProvenanceView::of).orElse(null));
        }
    }

    /** How a generated revision was made; absent for a person's edit. */
    record ProvenanceView(String provider, String model, String promptTemplate, String schemaVersion, int attempts,
                          long inputTokens, long outputTokens, long durationMs) {
        static ProvenanceView of(dev.concierge.domain.testcasegeneration.model.Provenance p) {
            return new ProvenanceView(p.provider(), p.model(), p.promptTemplate(), p.schema(), p.attempts(), p.inputTokens(),
                    p.outputTokens(), p.duration().toMillis());
        }
    }

    /**
     * {@code failure} is the stable code of why generation gave up ({@code invalid_output}, {@code model_unavailable},
     * …), {@code failureReason} its words in the reader's language; {@code statusName} and {@code priorityName} likewise.
     */
    record TestCaseView(long id, long suiteId, String key, String title, String preconditions, String expectedResult,
                        String requirementReference, String requirementText, String priority, String priorityName,
                        List<String> tags, String language, String status, String statusName, RevisionView procedure,
                        String failure, String failureReason, String reviewerFeedback, long version, OffsetDateTime updatedAt) {
        static TestCaseView of(TestCase c, ZoneId zone, TestCaseGenerationTexts texts) {
            var content = c.content();
            return new TestCaseView(c.id().value(), c.suite().value(), content.key().value(), content.title(),
                    content.preconditions(), content.expectedResult(), content.requirementReference(),
                    content.requirementText(), content.priority().wireName(), texts.priority(content.priority()),
                    content.tags(), content.language().tag(), c.status().wireName(), texts.status(c.status()),
                    c.procedure().map(r -> RevisionView.of(r, zone, texts)).orElse(null),
                    c.failureReason().map(r -> c.failure().map(f -> f.wireName()).orElse("unexpected")).orElse(null),
                    texts.failure(c).orElse(null), texts.feedback(c).orElse(null), c.version(), time(c.updatedAt(), zone));
        }
    }

    /** A selected case an action left alone: its state says why. */
    record SkippedView(long id, String key, String status, String statusName) {
        static SkippedView of(SkippedCase s, TestCaseGenerationTexts texts) {
            return new SkippedView(s.id().value(), s.key().value(), s.status().wireName(), texts.status(s.status()));
        }
    }

    /** The answer to "Generate selected": the batch, and the selected cases it could not queue now. */
    record BatchStartedView(String id, long suiteId, String requestedBy, OffsetDateTime createdAt, int size, boolean cancelled,
                            List<SkippedView> skipped) {
        static BatchStartedView of(GenerationStarted started, ZoneId zone, TestCaseGenerationTexts texts) {
            Batch b = started.batch();
            return new BatchStartedView(b.id().toString(), b.suite().value(), b.requestedBy().value(), time(b.createdAt(), zone),
                    b.size(), b.cancelled(), started.skipped().stream().map(s -> SkippedView.of(s, texts)).toList());
        }
    }

    /** The answer to a bulk approval. */
    record BulkApprovalView(List<TestCaseView> approved, List<SkippedView> skipped) {
        static BulkApprovalView of(BulkApproval result, ZoneId zone, TestCaseGenerationTexts texts) {
            return new BulkApprovalView(result.approved().stream().map(c -> TestCaseView.of(c, zone, texts)).toList(),
                    result.skipped().stream().map(s -> SkippedView.of(s, texts)).toList());
        }
    }

    /** Body of {@code POST /api/suites/{id}/approve}: each case with the version the reviewer saw. */
    record BulkApprovalRequest(List<CaseVersion> testCases) {}

    record CaseVersion(Long id, Long version) {}

    /** Body of {@code PUT /api/suites/{id}}. */
    record RenameSuiteRequest(String name, String description) {}

    /**
     * A background export; {@code downloadUrl} once it is ready, {@code failure} once it failed — in the reader's words;
     * the cause is the operators' (log and export record).
     */
    record ExportView(String id, long suiteId, String format, String state, String requestedBy, OffsetDateTime createdAt,
                      OffsetDateTime finishedAt, long caseCount, long sizeBytes, String failure, String downloadUrl,
                      boolean approvedOnly) {
        static ExportView of(ExportJob e, ZoneId zone, TestCaseGenerationTexts texts) {
            return new ExportView(e.id().toString(), e.suite().value(), e.format().wireName(), e.state().wireName(),
                    e.requestedBy().value(), time(e.createdAt(), zone), e.finishedAt().map(t -> time(t, zone)).orElse(null),
                    e.caseCount(), e.sizeBytes(), e.state() == ExportState.FAILED ? texts.t("tcg.js.exportFailed") : null,
                    e.ready() ? "/api/exports/" + e.id() + "/download" : null, e.approvedOnly());
        }
    }

    /** The body of POST /api/suites/{id}/exports; no body means CSV of every case. */
    record ExportRequest(String format, Boolean approvedOnly) {}

    record BatchView(String id, long suiteId, String requestedBy, OffsetDateTime createdAt, int size, boolean cancelled) {
        static BatchView of(Batch b, ZoneId zone) {
            return new BatchView(b.id().toString(), b.suite().value(), b.requestedBy().value(), time(b.createdAt(), zone),
                    b.size(), b.cancelled());
        }
    }

    /**
     * A batch with where its jobs stand. {@code state}: {@code running}, {@code completed} or {@code cancelled};
     * {@code percent} of a cancelled batch is the share that ran. {@code perMinute} and {@code estimatedSecondsLeft}
     * are null until they mean something; {@code summary} says it all in a line in the reader's language.
     */
    record BatchProgressView(String id, long suiteId, String requestedBy, OffsetDateTime createdAt, int size,
                             boolean cancelled, String state, Map<String, Integer> counts, int total, int finished,
                             int processed, int remaining, int percent, boolean done, Double perMinute,
                             Long estimatedSecondsLeft, String summary, String estimate, OffsetDateTime at) {
        static BatchProgressView of(BatchProgress p, ZoneId zone, TestCaseGenerationTexts texts) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (JobState state : JobState.values()) counts.put(state.wireName(), p.counts().get(state));
            Batch b = p.batch();
            String state = !p.done() ? "running" : p.cancelled() ? "cancelled" : "completed";
            return new BatchProgressView(b.id().toString(), b.suite().value(), b.requestedBy().value(),
                    time(b.createdAt(), zone), b.size(), b.cancelled(), state, counts, p.total(), p.finished(), p.processed(),
                    p.remaining(), p.percent(), p.done(), p.perMinute().map(r -> Math.round(r * 10) / 10.0).orElse(null),
                    p.done() ? null : p.estimatedTimeLeft().map(d -> (long) Math.ceil(d.toMillis() / 1000.0)).orElse(null),
                    summary(p, state, texts), estimate(p, texts), time(p.now(), zone));
        }

        /** "3 / 15 件 · 実行中", "取り消しました（生成済み 3 件、取り消し 12 件）", "完了（15 件）". */
        static String summary(BatchProgress p, String state, TestCaseGenerationTexts texts) {
            return switch (state) {
                case "running" -> texts.t("tcg.batch.summary.running", p.finished(), p.total());
                case "cancelled" -> texts.t("tcg.batch.summary.cancelled", p.counts().get(JobState.SUCCEEDED),
                        p.counts().get(JobState.FAILED), p.counts().get(JobState.CANCELLED), p.total());
                default -> texts.t("tcg.batch.summary.completed", p.counts().get(JobState.SUCCEEDED),
                        p.counts().get(JobState.FAILED), p.total());
            };
        }

        /** The rate and time left, once they mean something; empty before and after. */
        static String estimate(BatchProgress p, TestCaseGenerationTexts texts) {
            if (p.done() || p.perMinute().isEmpty()) return "";
            String rate = texts.t("tcg.batch.rate", Math.round(p.perMinute().get() * 10) / 10.0);
            return p.estimatedTimeLeft().map(left -> rate + " · " + texts.t("tcg.batch.eta", texts.duration(left))).orElse(rate);
        }
    }

    /**
     * What an import did, or with {@code preview} would do: the counts (as {@link ImportReportView}), each row's
     * outcome, and every problem by line in the reader's words (a preview answers them instead of refusing).
     */
    /** {@code duplicates}: rows like cases already in the suite (absent when there is nothing to say). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ImportOutcomeView(boolean preview, String mode, int created, int updated, int unchanged, int skippedLocked, int skipped,
                             List<RowView> rows, List<ProblemView> problems, DuplicateViews.ImportDuplicatesView duplicates) {
        ImportOutcomeView with(DuplicateViews.ImportDuplicatesView found) {
            return new ImportOutcomeView(preview, mode, created, updated, unchanged, skippedLocked, skipped, rows, problems, found);
        }

        record RowView(int line, String key, String action, int steps) {}

        record ProblemView(String field, String code, String message) {}

        static ImportOutcomeView of(dev.concierge.domain.testcasegeneration.model.ImportOutcome o, dev.concierge.domain.kernel.Language language) {
            var c = o.counts();
            return new ImportOutcomeView(o.preview(), o.mode().wireName(), c.created(), c.updated(), c.unchanged(), c.skippedLocked(), o.skipped(),
                    o.rows().stream().map(r -> new RowView(r.line(), r.key(), r.action(), r.steps())).toList(),
                    o.problems().stream().map(p -> new ProblemView(p.field(), p.code(),
                            dev.concierge.adapter.http.FieldErrorTexts.problem(p, language))).toList(), null);
        }
    }

    record ImportReportView(int created, int updated, int unchanged, int skippedLocked) {
        static ImportReportView of(ImportReport r) { return new ImportReportView(r.created(), r.updated(), r.unchanged(), r.skippedLocked()); }
    }

    /** Body of {@code POST /api/suites}. */
    record CreateSuiteRequest(String name, String description, String team) {}

    /** Body of {@code POST /api/suites/{id}/test-cases} and {@code PUT /api/test-cases/{id}} (which adds {@code version}). */
    record TestCaseRequest(String key, String title, String preconditions, String expectedResult,
                           String requirementReference, String requirementText, String priority, List<String> tags,
                           Long version) {}

    record StepRequest(String action, String expectedResult, String testData) {
        Step toStep() { return new Step(action, expectedResult, Optional.ofNullable(testData)); }
    }

    /** Body of {@code PUT /api/test-cases/{id}/procedure}. */
    record ProcedureRequest(List<StepRequest> steps, Long version) {}

    /** Body of approve and reopen. */
    record VersionRequest(Long version) {}

    record RejectRequest(String reason, Long version) {}

    /** Body of {@code POST /api/suites/{id}/batches}; no ids (or no body) means every draft. */
    record BatchRequest(List<Long> testCaseIds) {}
}
