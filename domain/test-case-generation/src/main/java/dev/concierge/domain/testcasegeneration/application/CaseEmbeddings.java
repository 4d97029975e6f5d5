package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.testcasegeneration.model.CaseVector;
import dev.concierge.domain.testcasegeneration.model.DuplicateText;
import dev.concierge.domain.testcasegeneration.model.Similarity;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.out.CaseEmbeddingRepository;
import dev.concierge.domain.testcasegeneration.port.out.TextEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the cases' embedding vectors current: after an import, after a generation, and when a person asks for a
 * check. Only cases whose text (or the model) changed since their vector was made are sent to the model. Never throws
 * for the model: an unreachable one leaves the cases unchecked, and the duplicates view says so and offers a retry.
 */
public final class CaseEmbeddings {
    private static final Logger LOG = LoggerFactory.getLogger(CaseEmbeddings.class);
    /** Texts per model call: one call per case would be slow, one call for 5,000 cases too large a request. */
    static final int BATCH = 32;

    private final TextEmbedder embedder;
    private final CaseEmbeddingRepository vectors;
    private final Similarity similarity;
    private final Clock clock;
    /** Why the last attempt for a suite failed; kept in memory only, the unchecked count is what survives a restart. */
    private final Map<SuiteId, String> problems = new ConcurrentHashMap<>();

    public CaseEmbeddings(TextEmbedder embedder, CaseEmbeddingRepository vectors, Similarity similarity, Clock clock) {
        this.embedder = embedder;
        this.vectors = vectors;
        this.similarity = similarity;
        this.clock = clock;
    }

    String model() { return embedder.model(); }

    Similarity similarity() { return similarity; }

    CaseEmbeddingRepository vectors() { return vectors; }

    /** Embeds those of {@code cases} (all of one suite) whose vector is missing or stale; the problem, if the model failed. */
    Optional<String> refresh(SuiteId suite, List<TestCase> cases) {
        if (cases.isEmpty()) return Optional.empty();
        Map<TestCaseId, String> stored = vectors.textHashes(suite, embedder.model());
        List<TestCase> stale = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (TestCase c : cases) {
            String text = DuplicateText.of(c);
            if (!DuplicateText.hash(text).equals(stored.get(c.id()))) {
                stale.add(c);
                texts.add(text);
            }
        }
        List<CaseVector> made = new ArrayList<>();
        try {
            for (int from = 0; from < stale.size(); from += BATCH) {
                int to = Math.min(stale.size(), from + BATCH);
                List<float[]> embedded = embedder.embed(texts.subList(from, to));
                for (int i = from; i < to; i++) {
                    CaseVector vector = new CaseVector(stale.get(i).id(), embedder.model(), DuplicateText.hash(texts.get(i)), embedded.get(i - from));
                    vectors.save(suite, vector, clock.instant());
                    made.add(vector);
                }
            }
            problems.remove(suite);
            return Optional.empty();
        } catch (TextEmbedder.EmbeddingUnavailable e) {
            LOG.warn("duplicates of suite {} not checked: {}", suite, e.getMessage());
            problems.put(suite, e.getMessage());
            return Optional.of(e.getMessage());
        } finally {
            comparePairs(suite, made);
        }
    }

    /** Each new vector against the suite's (one case × the suite): the pairs are stored, so listing them compares nothing. */
    private void comparePairs(SuiteId suite, List<CaseVector> made) {
        if (made.isEmpty()) return;
        List<CaseVector> all = vectors.inSuite(suite, embedder.model());
        for (CaseVector vector : made) vectors.replacePairs(suite, vector.testCase(), similarity.pairsOf(vector, all));
    }

    /** After one case changed (generated, edited): its vector, if the model is there. */
    void refresh(TestCase testCase) { refresh(testCase.suite(), List.of(testCase)); }

    /** How many of {@code cases} have no vector for their current text. */
    int unchecked(SuiteId suite, List<TestCase> cases) {
        Map<TestCaseId, String> stored = vectors.textHashes(suite, embedder.model());
        return (int) cases.stream().filter(c -> !DuplicateText.hash(DuplicateText.of(c)).equals(stored.get(c.id()))).count();
    }

    Optional<String> lastProblem(SuiteId suite) { return Optional.ofNullable(problems.get(suite)); }

    /** Vectors for texts not stored anywhere (import preview rows). */
    List<float[]> embed(List<String> texts) {
        List<float[]> all = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += BATCH) all.addAll(embedder.embed(texts.subList(from, Math.min(texts.size(), from + BATCH))));
        return all;
    }
}
