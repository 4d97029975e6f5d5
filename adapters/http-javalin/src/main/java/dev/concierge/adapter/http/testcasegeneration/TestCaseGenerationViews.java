package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchProgress;
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

    record RevisionView(int number, String kind, String author, OffsetDateTime createdAt, String summary, List<StepView> steps) {
        static RevisionView of(ProcedureRevision r, ZoneId zone) {
            return new RevisionView(r.number(), r.kind().wireName(), r.author().orElse(null), time(r.createdAt(), zone),
                    r.summary(), r.procedure().steps().stream().map(StepView::of).toList());
        }
    }

    record TestCaseView(long id, long suiteId, String key, String title, String preconditions, String expectedResult,
                        String requirementReference, String requirementText, String priority, List<String> tags,
                        String language, String status, RevisionView procedure, String failureReason,
                        String reviewerFeedback, long version, OffsetDateTime updatedAt) {
        static TestCaseView of(TestCase c, ZoneId zone) {
            var content = c.content();
            return new TestCaseView(c.id().value(), c.suite().value(), content.key().value(), content.title(),
                    content.preconditions(), content.expectedResult(), content.requirementReference(),
                    content.requirementText(), content.priority().wireName(), content.tags(), content.language().tag(),
                    c.status().wireName(), c.procedure().map(r -> RevisionView.of(r, zone)).orElse(null),
                    c.failureReason().orElse(null), c.reviewerFeedback().orElse(null), c.version(), time(c.updatedAt(), zone));
        }
    }

    /** A background export; {@code downloadUrl} once it is ready, {@code failure} once it failed. */
    record ExportView(String id, long suiteId, String format, String state, String requestedBy, OffsetDateTime createdAt,
                      OffsetDateTime finishedAt, long caseCount, long sizeBytes, String failure, String downloadUrl) {
        static ExportView of(ExportJob e, ZoneId zone) {
            return new ExportView(e.id().toString(), e.suite().value(), e.format().wireName(), e.state().wireName(),
                    e.requestedBy().value(), time(e.createdAt(), zone), e.finishedAt().map(t -> time(t, zone)).orElse(null),
                    e.caseCount(), e.sizeBytes(), e.state() == ExportState.FAILED ? e.failure().orElse(null) : null,
                    e.ready() ? "/api/exports/" + e.id() + "/download" : null);
        }
    }

    /** The body of POST /api/suites/{id}/exports; no body means CSV. */
    record ExportRequest(String format) {}

    record BatchView(String id, long suiteId, String requestedBy, OffsetDateTime createdAt, int size, boolean cancelled) {
        static BatchView of(Batch b, ZoneId zone) {
            return new BatchView(b.id().toString(), b.suite().value(), b.requestedBy().value(), time(b.createdAt(), zone),
                    b.size(), b.cancelled());
        }
    }

    /** A batch with where its jobs stand; {@code perMinute} and {@code estimatedSecondsLeft} are null until known. */
    record BatchProgressView(String id, long suiteId, String requestedBy, OffsetDateTime createdAt, int size,
                             boolean cancelled, Map<String, Integer> counts, int total, int finished, int remaining,
                             int percent, boolean done, Double perMinute, Long estimatedSecondsLeft, OffsetDateTime at) {
        static BatchProgressView of(BatchProgress p, ZoneId zone) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (JobState state : JobState.values()) counts.put(state.wireName(), p.counts().get(state));
            Batch b = p.batch();
            int percent = p.total() == 0 ? 100 : (int) Math.floor(p.finished() * 100.0 / p.total());
            return new BatchProgressView(b.id().toString(), b.suite().value(), b.requestedBy().value(),
                    time(b.createdAt(), zone), b.size(), b.cancelled(), counts, p.total(), p.finished(), p.remaining(),
                    percent, p.done(), p.perMinute().map(r -> Math.round(r * 10) / 10.0).orElse(null),
                    p.estimatedTimeLeft().map(d -> (long) Math.ceil(d.toMillis() / 1000.0)).orElse(null), time(p.now(), zone));
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
