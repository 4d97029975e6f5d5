package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.StoredTimes;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CasePair;
import dev.concierge.domain.testcasegeneration.model.CaseVector;
import dev.concierge.domain.testcasegeneration.model.SimilarPair;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.port.out.CaseEmbeddingRepository;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.concierge.adapter.persistence.jooq.test_case_generation.Tables.TEST_CASES;
import static org.jooq.impl.DSL.name;

/**
 * Vectors as {@code real[]} (no pgvector in the embedded PostgreSQL; see V30), the similar pairs found, and dismissed pairs. The two tables are
 * named here rather than through generated classes: they are read and written only in this class, and regenerating
 * the shared generated code for them would collide with every other branch's migrations.
 */
final class JooqCaseEmbeddingRepository implements CaseEmbeddingRepository {
    private static final Table<?> EMBEDDINGS = DSL.table(name("test_case_generation", "case_embeddings"));
    private static final Field<Long> CASE_ID = DSL.field(name("case_id"), SQLDataType.BIGINT);
    private static final Field<Long> SUITE_ID = DSL.field(name("suite_id"), SQLDataType.BIGINT);
    private static final Field<String> MODEL = DSL.field(name("model"), SQLDataType.VARCHAR);
    private static final Field<String> TEXT_HASH = DSL.field(name("text_hash"), SQLDataType.VARCHAR);
    private static final Field<Float[]> VECTOR = DSL.field(name("vector"), SQLDataType.REAL.array());
    private static final Field<OffsetDateTime> EMBEDDED_AT = DSL.field(name("embedded_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private static final Table<?> DISMISSALS = DSL.table(name("test_case_generation", "duplicate_dismissals"));
    private static final Field<Long> FIRST = DSL.field(name("first_case"), SQLDataType.BIGINT);
    private static final Field<Long> SECOND = DSL.field(name("second_case"), SQLDataType.BIGINT);
    private static final Field<String> BY = DSL.field(name("dismissed_by"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> AT = DSL.field(name("dismissed_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private static final Table<?> PAIRS = DSL.table(name("test_case_generation", "duplicate_pairs"));
    private static final Field<Float> SIMILARITY = DSL.field(name("similarity"), SQLDataType.REAL);

    private final JooqTransactions transactions;

    JooqCaseEmbeddingRepository(JooqTransactions transactions) { this.transactions = transactions; }

    @Override public void save(SuiteId suite, CaseVector vector, Instant at) {
        float[] values = vector.vector();
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) boxed[i] = values[i];
        var dsl = transactions.dsl();
        // Inserted only while the case exists: a case deleted while its text was with the model is not an error.
        dsl.insertInto(EMBEDDINGS, CASE_ID, SUITE_ID, MODEL, TEXT_HASH, VECTOR, EMBEDDED_AT)
                .select(DSL.select(DSL.val(vector.testCase().value()), DSL.val(suite.value()), DSL.val(vector.model()),
                                DSL.val(vector.textHash()), DSL.val(boxed, SQLDataType.REAL.array()), DSL.val(StoredTimes.utc(at)))
                        .whereExists(DSL.selectOne().from(TEST_CASES).where(TEST_CASES.ID.eq(vector.testCase().value()))))
                .onConflict(CASE_ID).doUpdate()
                .set(MODEL, vector.model())
                .set(TEXT_HASH, vector.textHash())
                .set(VECTOR, DSL.val(boxed, SQLDataType.REAL.array()))
                .set(EMBEDDED_AT, StoredTimes.utc(at))
                .execute();
    }

    @Override public List<CaseVector> inSuite(SuiteId suite, String model) {
        return transactions.dsl().select(CASE_ID, TEXT_HASH, VECTOR).from(EMBEDDINGS)
                .where(SUITE_ID.eq(suite.value()).and(MODEL.eq(model))).orderBy(CASE_ID)
                .fetch(r -> {
                    Float[] boxed = r.get(VECTOR);
                    float[] values = new float[boxed.length];
                    for (int i = 0; i < boxed.length; i++) values[i] = boxed[i];
                    return new CaseVector(new TestCaseId(r.get(CASE_ID)), model, r.get(TEXT_HASH), values);
                });
    }

    @Override public Map<TestCaseId, String> textHashes(SuiteId suite, String model) {
        Map<TestCaseId, String> hashes = new HashMap<>();
        transactions.dsl().select(CASE_ID, TEXT_HASH).from(EMBEDDINGS).where(SUITE_ID.eq(suite.value()).and(MODEL.eq(model)))
                .forEach(r -> hashes.put(new TestCaseId(r.get(CASE_ID)), r.get(TEXT_HASH)));
        return hashes;
    }

    @Override public void replacePairs(SuiteId suite, TestCaseId testCase, List<SimilarPair> pairs) {
        var dsl = transactions.dsl();
        dsl.deleteFrom(PAIRS).where(FIRST.eq(testCase.value()).or(SECOND.eq(testCase.value()))).execute();
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
        return transactions.dsl().select(FIRST, SECOND, SIMILARITY).from(PAIRS)
                .where(SUITE_ID.eq(suite.value()).and(SIMILARITY.ge((float) atLeast)))
                .orderBy(SIMILARITY.desc(), FIRST, SECOND)
                .fetch(JooqCaseEmbeddingRepository::pair);
    }

    @Override public List<SimilarPair> pairsOf(SuiteId suite, Collection<TestCaseId> cases, double atLeast) {
        if (cases.isEmpty()) return List.of();
        List<Long> ids = cases.stream().map(TestCaseId::value).toList();
        return transactions.dsl().select(FIRST, SECOND, SIMILARITY).from(PAIRS)
                .where(SUITE_ID.eq(suite.value()).and(SIMILARITY.ge((float) atLeast)).and(FIRST.in(ids).or(SECOND.in(ids))))
                .orderBy(SIMILARITY.desc(), FIRST, SECOND)
                .fetch(JooqCaseEmbeddingRepository::pair);
    }

    private static SimilarPair pair(org.jooq.Record3<Long, Long, Float> r) {
        return new SimilarPair(CasePair.of(new TestCaseId(r.value1()), new TestCaseId(r.value2())), r.value3());
    }

    @Override public void dismiss(SuiteId suite, CasePair pair, UserId by, Instant at) {
        transactions.dsl().insertInto(DISMISSALS, SUITE_ID, FIRST, SECOND, BY, AT)
                .values(suite.value(), pair.first().value(), pair.second().value(), by.value(), StoredTimes.utc(at))
                .onConflictDoNothing()
                .execute();
    }

    @Override public Set<CasePair> dismissed(SuiteId suite) {
        Set<CasePair> pairs = new HashSet<>();
        transactions.dsl().select(FIRST, SECOND).from(DISMISSALS).where(SUITE_ID.eq(suite.value()))
                .forEach(r -> pairs.add(CasePair.of(new TestCaseId(r.get(FIRST)), new TestCaseId(r.get(SECOND)))));
        return pairs;
    }
}
