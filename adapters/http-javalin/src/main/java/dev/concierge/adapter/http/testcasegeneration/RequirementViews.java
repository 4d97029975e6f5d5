package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.SkippedView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.TestCaseView;
import dev.concierge.domain.testcasegeneration.model.AcceptanceCriterion;
import dev.concierge.domain.testcasegeneration.model.CoverageMatrix;
import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.Requirement;
import dev.concierge.domain.testcasegeneration.model.RequirementDetail;
import dev.concierge.domain.testcasegeneration.model.RequirementImport;
import dev.concierge.domain.testcasegeneration.model.SuiteSettings;
import dev.concierge.domain.testcasegeneration.port.in.ManageRequirementsUseCase;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.time;

/** What the requirement, coverage and suite-settings API answers and accepts. */
final class RequirementViews {
    private RequirementViews() {}

    record CriterionView(String code, String text, String hash) {
        static CriterionView of(AcceptanceCriterion c) { return new CriterionView(c.code(), c.text(), c.hash()); }
    }

    /** A step of the case's current procedure and the criteria it verifies. */
    record TracedStepView(int number, String action, String expectedResult, String testData, List<String> criteria) {}

    /** {@code stale}: a criterion it verifies changed since it was generated ({@code changedCriteria} names them). */
    record TracedCaseView(long id, String key, String title, String kind, String kindName, String status, String statusName,
                          List<String> criteria, boolean stale, List<String> changedCriteria, int revision,
                          List<TracedStepView> steps, long version) {
        static TracedCaseView of(RequirementDetail.TracedCase traced, TestCaseGenerationTexts texts) {
            var c = traced.testCase();
            var trace = traced.trace();
            int revision = c.procedure().map(r -> r.number()).orElse(0);
            var steps = c.procedure().map(r -> r.procedure().steps()).orElse(List.of());
            return new TracedCaseView(c.id().value(), c.content().key().value(), c.content().title(), trace.kind().wireName(),
                    texts.t("tcg.kind." + trace.kind().wireName()), c.status().wireName(), texts.status(c.status()),
                    trace.verified().keySet().stream().sorted().toList(), traced.stale(), traced.changedCriteria(), revision,
                    IntStream.range(0, steps.size()).mapToObj(i -> new TracedStepView(i + 1, steps.get(i).action(),
                            steps.get(i).expectedResult(), steps.get(i).testData().orElse(null), trace.stepCriteria(revision, i))).toList(),
                    c.version());
        }
    }

    record RequirementView(long id, long suiteId, String reference, String title, String description, String language,
                           List<CriterionView> criteria, int caseCount, long staleCount, OffsetDateTime updatedAt,
                           List<TracedCaseView> cases) {
        static RequirementView of(RequirementDetail detail, ZoneId zone, TestCaseGenerationTexts texts) {
            Requirement r = detail.requirement();
            return new RequirementView(r.id().value(), r.suite().value(), r.reference(), r.content().title(), r.content().description(),
                    r.language().tag(), r.content().criteria().stream().map(CriterionView::of).toList(), detail.cases().size(),
                    detail.staleCount(), time(r.updatedAt(), zone), detail.cases().stream().map(c -> TracedCaseView.of(c, texts)).toList());
        }
    }

    record ImportedView(long id, String reference, String result, String resultName, List<String> changedCriteria,
                        List<String> addedCriteria, List<String> removedCriteria) {}

    record RequirementImportView(long created, long changed, long unchanged, int staleCases, String summary,
                                 List<ImportedView> requirements) {
        static RequirementImportView of(RequirementImport report, TestCaseGenerationTexts texts) {
            long created = report.count(RequirementImport.Result.CREATED);
            long changed = report.count(RequirementImport.Result.CHANGED);
            long unchanged = report.count(RequirementImport.Result.UNCHANGED);
            return new RequirementImportView(created, changed, unchanged, report.staleCases(),
                    texts.t("tcg.requirements.imported", created, changed, unchanged, report.staleCases()),
                    report.requirements().stream().map(o -> new ImportedView(o.requirement().id().value(), o.requirement().reference(),
                            o.result().wireName(), texts.t("tcg.requirements.result." + o.result().wireName()), o.changedCriteria(),
                            o.addedCriteria(), o.removedCriteria())).toList());
        }
    }

    record RegeneratedView(List<TestCaseView> regenerated, List<SkippedView> skipped) {
        static RegeneratedView of(ManageRequirementsUseCase.Regenerated r, ZoneId zone, TestCaseGenerationTexts texts) {
            return new RegeneratedView(r.regenerated().stream().map(c -> TestCaseView.of(c, zone, texts)).toList(),
                    r.skipped().stream().map(s -> SkippedView.of(s, texts)).toList());
        }
    }

    record CoveringCaseView(long id, String key, String status, String statusName, String kind, boolean stale) {}

    record CoverageRowView(long requirementId, String reference, String requirementTitle, String criterion, String criterionText,
                           String state, String stateName, List<CoveringCaseView> cases) {}

    record UntracedCaseView(long id, String key, String title, String status, String statusName) {}

    /** The matrix; the counts per state; the cases tracing to no requirement (the first few, and how many in all). */
    record CoverageView(List<CoverageRowView> rows, long uncovered, long stale, long covered, long approved,
                        List<UntracedCaseView> untraced, long untracedCount) {
        static CoverageView of(CoverageMatrix m, TestCaseGenerationTexts texts) {
            return new CoverageView(m.rows().stream().map(r -> new CoverageRowView(r.requirement().id().value(), r.requirement().reference(),
                            r.requirement().content().title(), r.criterion().code(), r.criterion().text(), r.state().wireName(),
                            texts.t("tcg.coverage.state." + r.state().wireName()),
                            r.cases().stream().map(c -> new CoveringCaseView(c.testCase().id().value(), c.testCase().key().value(),
                                    c.testCase().status().wireName(), texts.status(c.testCase().status()), c.kind().wireName(), c.stale())).toList()))
                    .toList(),
                    m.count(CoverageMatrix.State.UNCOVERED), m.count(CoverageMatrix.State.STALE), m.count(CoverageMatrix.State.COVERED),
                    m.count(CoverageMatrix.State.APPROVED),
                    m.untraced().stream().map(c -> new UntracedCaseView(c.id().value(), c.key().value(), c.title(), c.status().wireName(),
                            texts.status(c.status()))).toList(), m.untracedCount());
        }
    }

    record GlossaryEntryView(String term, String meaning) {}

    record SettingsView(long suiteId, int version, List<GlossaryEntryView> glossary, List<String> examples, String instructions,
                        String author, OffsetDateTime createdAt) {
        static SettingsView of(SuiteSettings s, ZoneId zone) {
            return new SettingsView(s.suite().value(), s.version(),
                    s.guidance().glossary().stream().map(e -> new GlossaryEntryView(e.term(), e.meaning())).toList(),
                    s.guidance().examples(), s.guidance().instructions(), s.author().orElse(null),
                    s.createdAt().map(at -> time(at, zone)).orElse(null));
        }
    }

    record SettingsRequest(List<GlossaryEntryView> glossary, List<String> examples, String instructions, Integer version) {}

    static List<GlossaryEntry> glossary(List<GlossaryEntryView> entries) {
        return entries == null ? List.of() : entries.stream().map(e -> new GlossaryEntry(e == null ? null : e.term(), e == null ? null : e.meaning())).toList();
    }
}
