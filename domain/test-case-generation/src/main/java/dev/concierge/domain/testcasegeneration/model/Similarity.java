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
 * no pgvector. Each case is compared with the suite when it is embedded (one case × the suite), and the pairs found
 * are stored, so listing them never compares the whole suite with itself.
 */
public final class Similarity {
    /** The threshold a suite uses unless the setting says otherwise. */
    public static final double DEFAULT_THRESHOLD = 0.92;
    /**
     * Pairs are stored from this similarity (or the threshold, when lower), so lowering the threshold setting a little
     * shows more pairs without embedding every case again.
     */
    public static final double STORED_FROM = 0.80;

    private final double threshold;

    public Similarity(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw InvalidInput.field("threshold", Validation.RANGE, 0, 1);
        this.threshold = threshold;
    }

    public double threshold() { return threshold; }

    /** The lowest similarity worth storing. */
    public double storedFrom() { return Math.min(threshold, STORED_FROM); }

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

    /** The pairs {@code one} forms with the other vectors of its model, from {@link #storedFrom()} up. */
    public List<SimilarPair> pairsOf(CaseVector one, List<CaseVector> all) {
        List<SimilarPair> found = new ArrayList<>();
        for (CaseVector other : all) {
            if (other.testCase().equals(one.testCase()) || !other.model().equals(one.model())) continue; // two models do not compare
            double s = cosine(one.vector(), other.vector());
            if (s >= storedFrom()) found.add(new SimilarPair(CasePair.of(one.testCase(), other.testCase()), Math.min(1.0, s)));
        }
        return found;
    }

    /**
     * The stored pairs that count as duplicates now: at or above the threshold, not dismissed, both cases still there
     * ({@code refs} answers null for a case that is gone); most similar first.
     */
    public List<DuplicatePair> duplicates(List<SimilarPair> stored, Function<TestCaseId, CaseRef> refs, Set<CasePair> dismissed) {
        List<DuplicatePair> found = new ArrayList<>();
        for (SimilarPair p : stored) {
            if (p.similarity() < threshold || dismissed.contains(p.pair())) continue;
            CaseRef first = refs.apply(p.pair().first());
            CaseRef second = refs.apply(p.pair().second());
            if (first != null && second != null) found.add(new DuplicatePair(first, second, p.similarity()));
        }
        found.sort(ORDER);
        return found;
    }

    /** How similar a text not yet stored (an import row) is to each stored case, at or above the threshold, most similar first. */
    public List<Map.Entry<TestCaseId, Double>> similarTo(float[] vector, List<CaseVector> all) {
        List<Map.Entry<TestCaseId, Double>> found = new ArrayList<>();
        for (CaseVector other : all) {
            double s = cosine(vector, other.vector());
            if (s >= threshold) found.add(Map.entry(other.testCase(), Math.min(1.0, s)));
        }
        found.sort(Map.Entry.<TestCaseId, Double>comparingByValue().reversed());
        return found;
    }

    private static final Comparator<DuplicatePair> ORDER = Comparator.comparingDouble(DuplicatePair::similarity).reversed()
            .thenComparing(p -> p.first().key().value()).thenComparing(p -> p.second().key().value());
}
