package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CasePair;
import dev.concierge.domain.testcasegeneration.model.CaseVector;
import dev.concierge.domain.testcasegeneration.model.SimilarPair;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cases' embedding vectors, the similar pairs found when they were made, and the pairs people said are not duplicates. */
public interface CaseEmbeddingRepository {
    /** Stores (or replaces) the case's vector. A case deleted meanwhile is ignored. */
    void save(SuiteId suite, CaseVector vector, Instant at);

    /** The vectors of the suite's cases made by {@code model}. */
    List<CaseVector> inSuite(SuiteId suite, String model);

    /** For each case of the suite with a vector of {@code model}: the hash of the text it was made from. */
    Map<TestCaseId, String> textHashes(SuiteId suite, String model);

    /** Replaces the stored pairs {@code testCase} is part of with {@code pairs} (each naming it). */
    void replacePairs(SuiteId suite, TestCaseId testCase, List<SimilarPair> pairs);

    /** The suite's stored pairs from {@code atLeast} up, most similar first. */
    List<SimilarPair> pairs(SuiteId suite, double atLeast);

    /** The stored pairs from {@code atLeast} up that one of {@code cases} is part of, most similar first. */
    List<SimilarPair> pairsOf(SuiteId suite, Collection<TestCaseId> cases, double atLeast);

    /** Remembers that the two cases are not duplicates (again is a no-op). */
    void dismiss(SuiteId suite, CasePair pair, UserId by, Instant at);

    Set<CasePair> dismissed(SuiteId suite);
}
