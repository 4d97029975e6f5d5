package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.testcasegeneration.model.CasePair;
import dev.concierge.domain.testcasegeneration.model.CaseRef;
import dev.concierge.domain.testcasegeneration.model.CaseVector;
import dev.concierge.domain.testcasegeneration.model.DuplicatePair;
import dev.concierge.domain.testcasegeneration.model.DuplicateReport;
import dev.concierge.domain.testcasegeneration.model.DuplicateText;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.domain.testcasegeneration.model.SharedStepCandidate;
import dev.concierge.domain.testcasegeneration.model.SimilarPair;
import dev.concierge.domain.testcasegeneration.model.SharedSteps;
import dev.concierge.domain.testcasegeneration.model.Similarity;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseNotFound;
import dev.concierge.domain.testcasegeneration.port.in.FindDuplicatesUseCase;
import dev.concierge.domain.testcasegeneration.port.out.SuiteRepository;
import dev.concierge.domain.testcasegeneration.port.out.TestCaseRepository;
import dev.concierge.domain.testcasegeneration.port.out.TextEmbedder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Near-duplicates from the stored vectors, shared-step candidates from the procedures; {@link CaseEmbeddings} keeps the vectors current. */
public final class DuplicatesService implements FindDuplicatesUseCase {
    private final TestCaseRepository cases;
    private final SuiteAccess access;
    private final CaseEmbeddings embeddings;
    private final Similarity similarity;
    private final Clock clock;

    public DuplicatesService(SuiteRepository suites, TestCaseRepository cases, CaseEmbeddings embeddings, Clock clock) {
        this.cases = cases;
        this.access = new SuiteAccess(suites, cases);
        this.embeddings = embeddings;
        this.similarity = embeddings.similarity();
        this.clock = clock;
    }

    @Override public DuplicateReport duplicates(Actor actor, SuiteId suite, PageRequest page) {
        access.suite(actor, suite);
        return report(suite, page, Optional.empty());
    }

    @Override public DuplicateReport check(Actor actor, SuiteId suite) {
        access.suite(actor, suite);
        Optional<String> problem = embeddings.refresh(suite, cases.inSuite(suite, Set.of()));
        return report(suite, PageRequest.first(), problem);
    }

    @Override public List<DuplicatePair> similarTo(Actor actor, TestCaseId testCase) {
        TestCase found = access.testCase(actor, testCase);
        List<SimilarPair> stored = embeddings.vectors().pairsOf(found.suite(), List.of(testCase), similarity.threshold());
        if (stored.isEmpty()) return List.of();
        return similarity.duplicates(stored, refs(cases.findAll(others(stored))), embeddings.vectors().dismissed(found.suite()));
    }

    @Override public DuplicateReport among(Actor actor, SuiteId suite, List<TestCaseKey> keys) {
        access.suite(actor, suite);
        List<TestCase> these = keys.stream().distinct().map(k -> cases.findByKey(suite, k)).flatMap(Optional::stream).toList();
        List<SimilarPair> stored = embeddings.vectors().pairsOf(suite, these.stream().map(TestCase::id).toList(), similarity.threshold());
        List<DuplicatePair> pairs = similarity.duplicates(stored, refs(cases.findAll(others(stored))), embeddings.vectors().dismissed(suite));
        return new DuplicateReport(pairs, pairs.size(), embeddings.unchecked(suite, these), similarity.threshold(), embeddings.lastProblem(suite));
    }

    @Override public PreviewMatches preview(Actor actor, SuiteId suite, List<ImportRow> rows) {
        access.suite(actor, suite);
        List<CaseVector> stored = embeddings.vectors().inSuite(suite, embeddings.model());
        if (stored.isEmpty() || rows.isEmpty()) return new PreviewMatches(Map.of(), Optional.empty());
        List<float[]> vectors;
        try {
            vectors = embeddings.embed(rows.stream().map(r -> DuplicateText.of(r.title(), r.preconditions(), r.expectedResult(), r.steps())).toList());
        } catch (TextEmbedder.EmbeddingUnavailable e) {
            return new PreviewMatches(Map.of(), Optional.of(e.getMessage()));
        }
        Map<TestCaseId, TestCase> byId = new HashMap<>();
        cases.inSuite(suite, Set.of()).forEach(c -> byId.put(c.id(), c));
        Map<String, List<Match>> byRow = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).key() == null ? "" : rows.get(i).key().strip();
            List<Match> matches = new ArrayList<>();
            for (var hit : similarity.similarTo(vectors.get(i), stored)) {
                TestCase c = byId.get(hit.getKey());
                // the row that updates this very case is not its own duplicate
                if (c == null || c.content().key().value().equals(key)) continue;
                matches.add(new Match(c.id(), c.content().key(), c.content().title(), (int) Math.floor(hit.getValue() * 100 + 1e-9)));
                if (matches.size() == 3) break;
            }
            if (!matches.isEmpty()) byRow.put(key, matches);
        }
        return new PreviewMatches(byRow, Optional.empty());
    }

    @Override public void dismiss(Actor actor, SuiteId suite, TestCaseId a, TestCaseId b) {
        access.suite(actor, suite);
        CasePair pair = CasePair.of(a, b);
        for (TestCaseId id : List.of(pair.first(), pair.second())) {
            if (!access.testCase(actor, id).suite().equals(suite)) throw new TestCaseNotFound(id);
        }
        embeddings.vectors().dismiss(suite, pair, actor.user(), clock.instant());
    }

    @Override public Page<SharedStepCandidate> sharedSteps(Actor actor, SuiteId suite, PageRequest page) {
        access.suite(actor, suite);
        List<SharedStepCandidate> all = SharedSteps.find(cases.inSuite(suite, Set.of()));
        return new Page<>(all.subList(Math.min(page.offset(), all.size()), Math.min(all.size(), page.offset() + page.limit())), all.size());
    }

    private DuplicateReport report(SuiteId suite, PageRequest page, Optional<String> problem) {
        List<TestCase> all = cases.inSuite(suite, Set.of());
        List<DuplicatePair> pairs = similarity.duplicates(embeddings.vectors().pairs(suite, similarity.threshold()), refs(all),
                embeddings.vectors().dismissed(suite));
        List<DuplicatePair> slice = pairs.subList(Math.min(page.offset(), pairs.size()), Math.min(pairs.size(), page.offset() + page.limit()));
        return new DuplicateReport(slice, pairs.size(), embeddings.unchecked(suite, all), similarity.threshold(),
                problem.or(() -> embeddings.lastProblem(suite)));
    }

    private static Set<TestCaseId> others(List<SimilarPair> pairs) {
        Set<TestCaseId> ids = new HashSet<>();
        pairs.forEach(p -> {
            ids.add(p.pair().first());
            ids.add(p.pair().second());
        });
        return ids;
    }

    private static Function<TestCaseId, CaseRef> refs(List<TestCase> all) {
        Map<TestCaseId, CaseRef> refs = new HashMap<>();
        all.forEach(c -> refs.put(c.id(), new CaseRef(c.id(), c.content().key(), c.content().title(), c.status())));
        return refs::get;
    }
}
