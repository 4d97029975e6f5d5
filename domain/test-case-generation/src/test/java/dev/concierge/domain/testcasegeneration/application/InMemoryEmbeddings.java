package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CasePair;
import dev.concierge.domain.testcasegeneration.model.CaseVector;
import dev.concierge.domain.testcasegeneration.model.SimilarPair;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.out.CaseEmbeddingRepository;
import dev.concierge.domain.testcasegeneration.port.out.TextEmbedder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The embedding ports in memory: vectors by case, and an embedder whose vectors count letters, switchable off. */
final class InMemoryEmbeddings {
    private InMemoryEmbeddings() {}

    static final class Vectors implements CaseEmbeddingRepository {
        final Map<TestCaseId, CaseVector> byCase = new HashMap<>();
        final Map<TestCaseId, SuiteId> suites = new HashMap<>();
        final Map<SuiteId, Set<CasePair>> dismissed = new HashMap<>();

        @Override public void save(SuiteId suite, CaseVector vector, Instant at) {
            byCase.put(vector.testCase(), vector);
            suites.put(vector.testCase(), suite);
        }

        @Override public List<CaseVector> inSuite(SuiteId suite, String model) {
            return byCase.values().stream().filter(v -> suite.equals(suites.get(v.testCase())) && v.model().equals(model))
                    .sorted(java.util.Comparator.comparingLong(v -> v.testCase().value())).toList();
        }

        @Override public Map<TestCaseId, String> textHashes(SuiteId suite, String model) {
            Map<TestCaseId, String> hashes = new HashMap<>();
            inSuite(suite, model).forEach(v -> hashes.put(v.testCase(), v.textHash()));
            return hashes;
        }

        final Map<CasePair, SimilarPair> pairs = new HashMap<>();
        final Map<CasePair, SuiteId> pairSuites = new HashMap<>();

        @Override public void replacePairs(SuiteId suite, TestCaseId testCase, List<SimilarPair> found) {
            pairs.keySet().removeIf(p -> p.first().equals(testCase) || p.second().equals(testCase));
            found.forEach(p -> {
                pairs.put(p.pair(), p);
                pairSuites.put(p.pair(), suite);
            });
        }

        @Override public List<SimilarPair> pairs(SuiteId suite, double atLeast) {
            return pairs.values().stream().filter(p -> suite.equals(pairSuites.get(p.pair())) && p.similarity() >= atLeast)
                    .sorted(java.util.Comparator.comparingDouble(SimilarPair::similarity).reversed()).toList();
        }

        @Override public List<SimilarPair> pairsOf(SuiteId suite, java.util.Collection<TestCaseId> cases, double atLeast) {
            return pairs(suite, atLeast).stream().filter(p -> cases.contains(p.pair().first()) || cases.contains(p.pair().second())).toList();
        }

        @Override public void dismiss(SuiteId suite, CasePair pair, UserId by, Instant at) {
            dismissed.computeIfAbsent(suite, s -> new HashSet<>()).add(pair);
        }

        @Override public Set<CasePair> dismissed(SuiteId suite) { return Set.copyOf(dismissed.getOrDefault(suite, Set.of())); }
    }

    /** Letter counts a..z: texts with the same letters in the same proportions are identical to it. */
    static final class LetterEmbedder implements TextEmbedder {
        boolean down;
        final List<List<String>> calls = new ArrayList<>();
        String model = "letters";

        @Override public String model() { return model; }

        @Override public List<float[]> embed(List<String> texts) {
            if (down) throw new EmbeddingUnavailable("No LLM reachable at http://localhost:11434");
            calls.add(List.copyOf(texts));
            return texts.stream().map(LetterEmbedder::vector).toList();
        }

        static float[] vector(String text) {
            float[] v = new float[26];
            for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) if (c >= 'a' && c <= 'z') v[c - 'a']++;
            return v;
        }
    }
}
