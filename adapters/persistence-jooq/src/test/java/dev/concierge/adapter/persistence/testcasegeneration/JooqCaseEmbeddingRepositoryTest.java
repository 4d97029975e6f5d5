package dev.concierge.adapter.persistence.testcasegeneration;

import dev.concierge.adapter.persistence.Jooq;
import dev.concierge.adapter.persistence.TestDatabase;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.CasePair;
import dev.concierge.domain.testcasegeneration.model.CaseVector;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.SimilarPair;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JooqCaseEmbeddingRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final UserId ALICE = new UserId("alice");

    private static TestDatabase db;
    private JooqTestCaseRepository cases;
    private JooqCaseEmbeddingRepository vectors;
    private Suite suite;
    private TestCase one;
    private TestCase two;

    @BeforeAll static void migrate() { db = TestDatabase.migrated(); }

    @AfterAll static void closeDatabase() { db.close(); }

    @BeforeEach void twoCases() {
        TestCaseGenerationTables.empty(Jooq.context(db.dataSource()));
        JooqTransactions transactions = new JooqTransactions(Jooq.context(db.dataSource()));
        cases = new JooqTestCaseRepository(transactions);
        vectors = new JooqCaseEmbeddingRepository(transactions);
        suite = new JooqSuiteRepository(transactions).create(new NewSuite("Login", ""), "qa", ALICE, T0);
        one = cases.create(suite.id(), content("TC-1", "パスワードでログインする"), T0);
        two = cases.create(suite.id(), content("TC-2", "パスワードでサインインする"), T0);
    }

    private static TestCaseContent content(String key, String title) {
        return new TestCaseContent(new TestCaseKey(key), title, "", "", "", "", Priority.MEDIUM, List.of());
    }

    @Test void a_vector_reads_back_exactly_with_its_model_and_text_hash() {
        float[] values = {0.125f, -1.5f, 3.0e-7f, 42f};
        vectors.save(suite.id(), new CaseVector(one.id(), "bge-m3", "h1", values), T0);

        assertThat(vectors.inSuite(suite.id(), "bge-m3")).singleElement().satisfies(v -> {
            assertThat(v.testCase()).isEqualTo(one.id());
            assertThat(v.textHash()).isEqualTo("h1");
            assertThat(v.vector()).containsExactly(values);
        });
        assertThat(vectors.inSuite(suite.id(), "another-model")).isEmpty();
        assertThat(vectors.textHashes(suite.id(), "bge-m3")).containsEntry(one.id(), "h1").hasSize(1);
    }

    @Test void saving_again_replaces_the_vector_and_its_model() {
        vectors.save(suite.id(), new CaseVector(one.id(), "bge-m3", "h1", new float[]{1, 0}), T0);
        vectors.save(suite.id(), new CaseVector(one.id(), "nomic-embed-text", "h2", new float[]{0, 1, 0}), T0);
        assertThat(vectors.inSuite(suite.id(), "bge-m3")).isEmpty();
        assertThat(vectors.inSuite(suite.id(), "nomic-embed-text")).singleElement()
                .satisfies(v -> assertThat(v.vector()).containsExactly(0f, 1f, 0f));
    }

    @Test void a_vector_for_a_case_deleted_meanwhile_is_ignored_and_a_deleted_case_takes_its_vector_along() {
        vectors.save(suite.id(), new CaseVector(two.id(), "m", "h", new float[]{1}), T0);
        cases.delete(two.id());
        vectors.save(suite.id(), new CaseVector(two.id(), "m", "h", new float[]{1}), T0);
        vectors.save(suite.id(), new CaseVector(new TestCaseId(999_999), "m", "h", new float[]{1}), T0);
        assertThat(vectors.inSuite(suite.id(), "m")).isEmpty();
    }

    @Test void pairs_read_back_most_similar_first_from_the_floor_asked_and_a_case_compared_again_replaces_its_pairs() {
        TestCase three = cases.create(suite.id(), content("TC-3", "ログアウトする"), T0);
        vectors.replacePairs(suite.id(), one.id(), List.of(new SimilarPair(CasePair.of(one.id(), two.id()), 0.95),
                new SimilarPair(CasePair.of(three.id(), one.id()), 0.85)));
        assertThat(vectors.pairs(suite.id(), 0.8)).extracting(p -> Math.round(p.similarity() * 100)).containsExactly(95L, 85L); // stored as real
        assertThat(vectors.pairs(suite.id(), 0.9)).singleElement().satisfies(p -> assertThat(p.pair()).isEqualTo(CasePair.of(one.id(), two.id())));
        assertThat(vectors.pairsOf(suite.id(), List.of(three.id()), 0.8)).singleElement()
                .satisfies(p -> assertThat(p.pair()).isEqualTo(CasePair.of(one.id(), three.id())));

        vectors.replacePairs(suite.id(), two.id(), List.of(new SimilarPair(CasePair.of(two.id(), three.id()), 0.81)));
        assertThat(vectors.pairs(suite.id(), 0.8)).extracting(p -> p.pair().first().value() + "-" + p.pair().second().value())
                .containsExactly(one.id().value() + "-" + three.id().value(), two.id().value() + "-" + three.id().value());
    }

    @Test void a_pair_naming_a_case_that_is_gone_is_skipped_and_the_others_kept() {
        TestCase three = cases.create(suite.id(), content("TC-3", "ログアウトする"), T0);
        cases.delete(three.id());
        vectors.replacePairs(suite.id(), one.id(), List.of(new SimilarPair(CasePair.of(one.id(), two.id()), 0.95),
                new SimilarPair(CasePair.of(one.id(), three.id()), 0.9)));
        assertThat(vectors.pairs(suite.id(), 0.5)).hasSize(1);
        cases.delete(two.id());
        assertThat(vectors.pairs(suite.id(), 0.5)).isEmpty();
    }

    @Test void a_dismissed_pair_is_remembered_once_whichever_way_round() {
        vectors.dismiss(suite.id(), CasePair.of(two.id(), one.id()), ALICE, T0);
        vectors.dismiss(suite.id(), CasePair.of(one.id(), two.id()), ALICE, T0);
        assertThat(vectors.dismissed(suite.id())).containsExactly(CasePair.of(one.id(), two.id()));
        cases.delete(one.id());
        assertThat(vectors.dismissed(suite.id())).isEmpty();
    }
}
