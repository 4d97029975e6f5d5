package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which cases are near-duplicates: pairs whose embeddings' cosine similarity reaches the threshold, most similar
 * first, without the pairs a person said are not duplicates. Computed here (not in SQL): the embedded PostgreSQL has
 * no pgvector, and a suite's vectors fit in memory.
 */
public final class Similarity {
    /** The threshold a suite uses unless the setting says otherwise. */
    public static final double DEFAULT_THRESHOLD = 0.92;

    private final double threshold;

    public Similarity(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw InvalidInput.field("threshold", Validation.RANGE, 0, 1);
        this.threshold = threshold;
    }

    public double threshold() { return threshold; }

    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Every pair of {@code vectors} at or above the threshold, not dismissed, most similar first. */
    public List<DuplicatePair> pairs(List<CaseVector> vectors, Function<TestCaseId, CaseRef> refs, Set<CasePair> dismissed) {
        List<DuplicatePair> found = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = i + 1; j < vectors.size(); j++) {
                add(found, vectors.get(i), vectors.get(j), refs, dismissed);
            }
        }
        found.sort(ORDER);
        return found;
    }

    /** The pairs one of {@code these} cases forms with any case of {@code all} (each pair once), most similar first. */
    public List<DuplicatePair> pairsWith(List<CaseVector> these, List<CaseVector> all, Function<TestCaseId, CaseRef> refs,
                                         Set<CasePair> dismissed) {
        List<DuplicatePair> found = new ArrayList<>();
        Set<TestCaseId> mine = new java.util.HashSet<>(these.stream().map(CaseVector::testCase).toList());
        for (CaseVector one : these) {
            for (CaseVector other : all) {
                // a pair of two of these is visited from both sides: keep it once
                if (other.testCase().equals(one.testCase()) || mine.contains(other.testCase()) && other.testCase().value() < one.testCase().value()) continue;
                add(found, one, other, refs, dismissed);
            }
        }
        found.sort(ORDER);
        return found;
    }

    /** How similar a text not yet stored (an import row) is to each stored case, at or above the threshold. */
    public List<Map.Entry<TestCaseId, Double>> similarTo(float[] vector, List<CaseVector> all) {
        List<Map.Entry<TestCaseId, Double>> found = new ArrayList<>();
        for (CaseVector other : all) {
            double s = cosine(vector, other.vector());
            if (s >= threshold) found.add(Map.entry(other.testCase(), s));
        }
        found.sort(Map.Entry.<TestCaseId, Double>comparingByValue().reversed());
        return found;
    }

    private void add(List<DuplicatePair> found, CaseVector a, CaseVector b, Function<TestCaseId, CaseRef> refs, Set<CasePair> dismissed) {
        if (!a.model().equals(b.model())) return; // vectors of two models do not compare
        double s = cosine(a.vector(), b.vector());
        if (s < threshold || dismissed.contains(CasePair.of(a.testCase(), b.testCase()))) return;
        CaseRef first = refs.apply(a.testCase());
        CaseRef second = refs.apply(b.testCase());
        if (first == null || second == null) return;
        if (first.id().value() > second.id().value()) {
            CaseRef swap = first;
            first = second;
            second = swap;
        }
        found.add(new DuplicatePair(first, second, Math.min(1.0, s)));
    }

    private static final Comparator<DuplicatePair> ORDER = Comparator.comparingDouble(DuplicatePair::similarity).reversed()
            .thenComparing(p -> p.first().key().value()).thenComparing(p -> p.second().key().value());
}
