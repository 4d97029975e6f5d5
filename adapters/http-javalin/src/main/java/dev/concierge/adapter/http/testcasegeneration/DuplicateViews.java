package dev.concierge.adapter.http.testcasegeneration;

import dev.concierge.domain.testcasegeneration.model.CaseRef;
import dev.concierge.domain.testcasegeneration.model.DuplicatePair;
import dev.concierge.domain.testcasegeneration.model.DuplicateReport;
import dev.concierge.domain.testcasegeneration.model.SharedStepCandidate;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.in.FindDuplicatesUseCase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the duplicates API answers and accepts. */
final class DuplicateViews {
    private DuplicateViews() {}

    record CaseRefView(long id, String key, String title, String status, String statusName) {
        static CaseRefView of(CaseRef c, TestCaseGenerationTexts texts) {
            return new CaseRefView(c.id().value(), c.key().value(), c.title(), c.status().wireName(), texts.status(c.status()));
        }
    }

    record PairView(CaseRefView first, CaseRefView second, double similarity, int percent) {
        static PairView of(DuplicatePair p, TestCaseGenerationTexts texts) {
            return new PairView(CaseRefView.of(p.first(), texts), CaseRefView.of(p.second(), texts), round(p.similarity()), p.percent());
        }
    }

    /**
     * {@code complete}: every case was compared; otherwise {@code unchecked} cases have no vector for their wording yet
     * and {@code problem} says why the embedding model could not be used; {@code notice} words that for the reader.
     */
    record DuplicatesView(List<PairView> items, long total, int unchecked, double threshold, boolean complete, String problem, String notice) {
        static DuplicatesView of(DuplicateReport r, TestCaseGenerationTexts texts) {
            return new DuplicatesView(r.pairs().stream().map(p -> PairView.of(p, texts)).toList(), r.total(), r.unchecked(), r.threshold(),
                    r.complete(), r.problem().orElse(null), notice(r, texts));
        }

        static String notice(DuplicateReport r, TestCaseGenerationTexts texts) {
            if (r.complete()) return null;
            // the model's own words (English, for whoever runs it) stay in `problem`; the reader gets a sentence in their language
            return r.problem().isPresent() ? texts.t("tcg.duplicates.unavailable", r.unchecked())
                    : texts.t("tcg.duplicates.unchecked", r.unchecked());
        }
    }

    /** One case like the case asked about, with the sentence the case page shows. */
    record SimilarCaseView(long id, String key, String title, String status, String statusName, double similarity, int percent,
                           String warning) {
        static SimilarCaseView of(DuplicatePair p, TestCaseId about, TestCaseGenerationTexts texts) {
            CaseRef other = p.other(about);
            return new SimilarCaseView(other.id().value(), other.key().value(), other.title(), other.status().wireName(),
                    texts.status(other.status()), round(p.similarity()), p.percent(),
                    texts.t("tcg.duplicates.similarTo", other.key().value(), other.title(), p.percent()));
        }
    }

    record StepView(String action, String expectedResult, String testData) {}

    record SharedStepsView(List<StepView> steps, List<CaseRefView> cases) {
        static SharedStepsView of(SharedStepCandidate s, TestCaseGenerationTexts texts) {
            return new SharedStepsView(s.steps().stream().map(st -> new StepView(st.action(), st.expectedResult(), st.testData().orElse(null))).toList(),
                    s.cases().stream().map(c -> CaseRefView.of(c, texts)).toList());
        }
    }

    /** Body of {@code POST /api/suites/{id}/duplicates/dismiss}: the two cases of the pair. */
    record DismissRequest(List<Long> caseIds) {}

    /** An existing case an imported (or previewed) row reads like. */
    record MatchView(long id, String key, String title, int percent) {}

    /** The similar cases of one imported row, and the sentence the import shows. */
    record SimilarRowView(String key, List<MatchView> similar, String warning) {}

    /** What an import answers about duplicates: the rows like existing cases, and whether every row could be checked. */
    record ImportDuplicatesView(List<SimilarRowView> rows, boolean complete, String notice) {
        static ImportDuplicatesView ofPreview(FindDuplicatesUseCase.PreviewMatches m, TestCaseGenerationTexts texts) {
            List<SimilarRowView> rows = new ArrayList<>();
            m.byRow().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(row(e.getKey(),
                    e.getValue().stream().map(x -> new MatchView(x.id().value(), x.key().value(), x.title(), x.percent())).toList(), texts)));
            return new ImportDuplicatesView(rows, m.problem().isEmpty(),
                    m.problem().map(p -> texts.t("tcg.duplicates.previewUnavailable")).orElse(null));
        }

        static ImportDuplicatesView ofImport(DuplicateReport r, List<String> imported, TestCaseGenerationTexts texts) {
            Map<String, List<MatchView>> byKey = new LinkedHashMap<>();
            for (DuplicatePair p : r.pairs()) {
                for (CaseRef side : List.of(p.first(), p.second())) {
                    if (!imported.contains(side.key().value())) continue;
                    CaseRef other = p.other(side.id());
                    byKey.computeIfAbsent(side.key().value(), k -> new ArrayList<>())
                            .add(new MatchView(other.id().value(), other.key().value(), other.title(), p.percent()));
                }
            }
            List<SimilarRowView> rows = byKey.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> row(e.getKey(), e.getValue(), texts)).toList();
            return new ImportDuplicatesView(rows, r.complete(), DuplicatesView.notice(r, texts));
        }

        private static SimilarRowView row(String key, List<MatchView> similar, TestCaseGenerationTexts texts) {
            MatchView best = similar.getFirst();
            return new SimilarRowView(key, similar, texts.t("tcg.duplicates.rowSimilar", key, best.key(), best.percent()));
        }
    }

    private static double round(double similarity) { return Math.round(similarity * 1000) / 1000.0; }
}
