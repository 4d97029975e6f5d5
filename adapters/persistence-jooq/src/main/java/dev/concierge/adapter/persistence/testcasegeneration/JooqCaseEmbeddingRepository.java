package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CasePair;
import dev.concierge.domain.testcasegeneration.model.CaseVector;
import dev.concierge.domain.testcasegeneration.model.SimilarPair;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.out.CaseEmbeddingRepository;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.CASE_EMBEDDINGS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.DUPLICATE_DISMISSALS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.DUPLICATE_PAIRS;
import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.TEST_CASES;

/** Vectors as {@code real[]} (no pgvector in the embedded PostgreSQL; see V30), the similar pairs found, and dismissed pairs. */
final class JooqCaseEmbeddingRepository implements CaseEmbeddingRepository {
    private final JooqTransactions transactions;

    JooqCaseEmbeddingRepository(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public void save(SuiteId suite, CaseVector vector, Instant at) {
        float[] values = vector.vector();
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) boxed[i] = values[i];
        var dsl = transactions.dsl();
        // Inserted only while the case exists: a case deleted while its text was with the model is not an error.
        dsl.insertInto(CASE_EMBEDDINGS, CASE_EMBEDDINGS.CASE_ID, CASE_EMBEDDINGS.SUITE_ID, CASE_EMBEDDINGS.MODEL, CASE_EMBEDDINGS.TEXT_HASH,
                        CASE_EMBEDDINGS.VECTOR, CASE_EMBEDDINGS.EMBEDDED_AT)
                .select(DSL.select(DSL.val(vector.testCase().value()), DSL.val(suite.value()), DSL.val(vector.model()),
                                DSL.val(vector.textHash()), DSL.val(boxed, SQLDataType.REAL.array()), DSL.val(StoredTimes.utc(at)))
                        .whereExists(DSL.selectOne().from(TEST_CASES).where(TEST_CASES.ID.eq(vector.testCase().value()))))
                .onConflict(CASE_EMBEDDINGS.CASE_ID).doUpdate()
                .set(CASE_EMBEDDINGS.MODEL, vector.model())
                .set(CASE_EMBEDDINGS.TEXT_HASH, vector.textHash())
                .set(CASE_EMBEDDINGS.VECTOR, boxed)
                .set(CASE_EMBEDDINGS.EMBEDDED_AT, StoredTimes.utc(at))
                .execute();
    }

    @Override public List<CaseVector> inSuite(SuiteId suite, String model) {
        return transactions.dsl().select(CASE_EMBEDDINGS.CASE_ID, CASE_EMBEDDINGS.TEXT_HASH, CASE_EMBEDDINGS.VECTOR).from(CASE_EMBEDDINGS)
                .where(CASE_EMBEDDINGS.SUITE_ID.eq(suite.value()).and(CASE_EMBEDDINGS.MODEL.eq(model))).orderBy(CASE_EMBEDDINGS.CASE_ID)
                .fetch(r -> {
                    Float[] boxed = r.value3();
                    float[] values = new float[boxed.length];
                    for (int i = 0; i < boxed.length; i++) values[i] = boxed[i];
                    return new CaseVector(new TestCaseId(r.value1()), model, r.value2(), values);
                });
    }

    @Override public Map<TestCaseId, String> textHashes(SuiteId suite, String model) {
        Map<TestCaseId, String> hashes = new HashMap<>();
        transactions.dsl().select(CASE_EMBEDDINGS.CASE_ID, CASE_EMBEDDINGS.TEXT_HASH).from(CASE_EMBEDDINGS)
                .where(CASE_EMBEDDINGS.SUITE_ID.eq(suite.value()).and(CASE_EMBEDDINGS.MODEL.eq(model)))
                .forEach(r -> hashes.put(new TestCaseId(r.value1()), r.value2()));
        return hashes;
    }

    @Override public void replacePairs(SuiteId suite, TestCaseId testCase, List<SimilarPair> pairs) {
        var dsl = transactions.dsl();
        dsl.deleteFrom(DUPLICATE_PAIRS).where(DUPLICATE_PAIRS.FIRST_CASE.eq(testCase.value()).or(DUPLICATE_PAIRS.SECOND_CASE.eq(testCase.value()))).execute();
        if (pairs.isEmpty()) return;
        Long[] first = pairs.stream().map(p -> p.pair().first().value()).toArray(Long[]::new);
        Long[] second = pairs.stream().map(p -> p.pair().second().value()).toArray(Long[]::new);
        Float[] similarity = pairs.stream().map(p -> (float) p.similarity()).toArray(Float[]::new);
        // One statement for all of them; a case deleted meanwhile is skipped rather than failing the rest.
        dsl.query("""
                INSERT INTO test_case_generation.duplicate_pairs (suite_id, first_case, second_case, similarity)
                SELECT {0}, p.f, p.s, p.sim FROM unnest({1}, {2}, {3}) AS p(f, s, sim)
                WHERE EXISTS (SELECT 1 FROM test_case_generation.test_cases c WHERE c.id = p.f)
                  AND EXISTS (SELECT 1 FROM test_case_generation.test_cases c WHERE c.id = p.s)
                ON CONFLICT DO NOTHING""",
                DSL.val(suite.value()), DSL.val(first, SQLDataType.BIGINT.array()), DSL.val(second, SQLDataType.BIGINT.array()),
                DSL.val(similarity, SQLDataType.REAL.array())).execute();
    }

    @Override public List<SimilarPair> pairs(SuiteId suite, double atLeast) {
        return transactions.dsl().select(DUPLICATE_PAIRS.FIRST_CASE, DUPLICATE_PAIRS.SECOND_CASE, DUPLICATE_PAIRS.SIMILARITY).from(DUPLICATE_PAIRS)
                .where(DUPLICATE_PAIRS.SUITE_ID.eq(suite.value()).and(DUPLICATE_PAIRS.SIMILARITY.ge((float) atLeast)))
                .orderBy(DUPLICATE_PAIRS.SIMILARITY.desc(), DUPLICATE_PAIRS.FIRST_CASE, DUPLICATE_PAIRS.SECOND_CASE)
                .fetch(JooqCaseEmbeddingRepository::pair);
    }

    @Override public List<SimilarPair> pairsOf(SuiteId suite, Collection<TestCaseId> cases, double atLeast) {
        if (cases.isEmpty()) return List.of();
        List<Long> ids = cases.stream().map(TestCaseId::value).toList();
        return transactions.dsl().select(DUPLICATE_PAIRS.FIRST_CASE, DUPLICATE_PAIRS.SECOND_CASE, DUPLICATE_PAIRS.SIMILARITY).from(DUPLICATE_PAIRS)
                .where(DUPLICATE_PAIRS.SUITE_ID.eq(suite.value()).and(DUPLICATE_PAIRS.SIMILARITY.ge((float) atLeast))
                        .and(DUPLICATE_PAIRS.FIRST_CASE.in(ids).or(DUPLICATE_PAIRS.SECOND_CASE.in(ids))))
                .orderBy(DUPLICATE_PAIRS.SIMILARITY.desc(), DUPLICATE_PAIRS.FIRST_CASE, DUPLICATE_PAIRS.SECOND_CASE)
                .fetch(JooqCaseEmbeddingRepository::pair);
    }

    private static SimilarPair pair(org.jooq.Record3<Long, Long, Float> r) {
        return new SimilarPair(CasePair.of(new TestCaseId(r.value1()), new TestCaseId(r.value2())), r.value3());
    }

    @Override public void dismiss(SuiteId suite, CasePair pair, UserId by, Instant at) {
        transactions.dsl().insertInto(DUPLICATE_DISMISSALS, DUPLICATE_DISMISSALS.SUITE_ID, DUPLICATE_DISMISSALS.FIRST_CASE,
                        DUPLICATE_DISMISSALS.SECOND_CASE, DUPLICATE_DISMISSALS.DISMISSED_BY, DUPLICATE_DISMISSALS.DISMISSED_AT)
                .values(suite.value(), pair.first().value(), pair.second().value(), by.value(), StoredTimes.utc(at))
                .onConflictDoNothing()
                .execute();
    }

    @Override public Set<CasePair> dismissed(SuiteId suite) {
        Set<CasePair> pairs = new HashSet<>();
        transactions.dsl().select(DUPLICATE_DISMISSALS.FIRST_CASE, DUPLICATE_DISMISSALS.SECOND_CASE).from(DUPLICATE_DISMISSALS)
                .where(DUPLICATE_DISMISSALS.SUITE_ID.eq(suite.value()))
                .forEach(r -> pairs.add(CasePair.of(new TestCaseId(r.value1()), new TestCaseId(r.value2()))));
        return pairs;
    }
}
