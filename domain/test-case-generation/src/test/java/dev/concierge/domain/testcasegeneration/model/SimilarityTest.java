package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimilarityTest {
    private static final Map<Long, CaseRef> REFS = Map.of(
            1L, ref(1, "TC-1"), 2L, ref(2, "TC-2"), 3L, ref(3, "TC-3"), 4L, ref(4, "TC-4"));
    private static final Function<TestCaseId, CaseRef> LOOKUP = id -> REFS.get(id.value());

    private static CaseRef ref(long id, String key) { return new CaseRef(new TestCaseId(id), new TestCaseKey(key), key, CaseStatus.DRAFT); }

    private static CaseVector v(long id, float... values) { return new CaseVector(new TestCaseId(id), "m", "h" + id, values); }

    private static SimilarPair pair(long a, long b, double s) { return new SimilarPair(CasePair.of(new TestCaseId(a), new TestCaseId(b)), s); }

    @Test void cosine_is_one_for_parallel_vectors_and_zero_for_orthogonal_or_mismatched_ones() {
        assertThat(Similarity.cosine(new float[]{1, 2}, new float[]{2, 4})).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Similarity.cosine(new float[]{1, 0}, new float[]{0, 1})).isZero();
        assertThat(Similarity.cosine(new float[]{1, 0}, new float[]{1, 0, 0})).isZero();
        assertThat(Similarity.cosine(new float[]{0, 0}, new float[]{1, 0})).isZero();
    }

    @Test void a_new_vector_is_paired_with_every_other_case_from_the_stored_floor_up_but_not_with_itself() {
        var all = List.of(v(1, 1, 0), v(2, 1, 0.1f), v(3, 1, 0.6f), v(4, 0, 1));
        assertThat(new Similarity(0.92).pairsOf(v(1, 1, 0), all)).extracting(p -> p.pair().second().value()).containsExactly(2L, 3L);
        assertThat(new Similarity(0.5).storedFrom()).isEqualTo(0.5);
        assertThat(new Similarity(0.95).storedFrom()).isEqualTo(Similarity.STORED_FROM);
    }

    @Test void vectors_of_two_models_are_never_compared() {
        var other = new CaseVector(new TestCaseId(2), "other-model", "h", new float[]{1, 0});
        assertThat(new Similarity(0.5).pairsOf(v(1, 1, 0), List.of(other))).isEmpty();
    }

    @Test void duplicates_are_the_stored_pairs_at_or_above_the_threshold_most_similar_first() {
        var stored = List.of(pair(1, 3, 0.93), pair(2, 1, 0.99), pair(3, 4, 0.919), pair(2, 3, 0.92));
        var found = new Similarity(0.92).duplicates(stored, LOOKUP, Set.of());
        assertThat(found).extracting(p -> p.first().key().value() + "~" + p.second().key().value() + "=" + p.percent())
                .containsExactly("TC-1~TC-2=99", "TC-1~TC-3=93", "TC-2~TC-3=92");
    }

    @Test void a_dismissed_pair_is_left_out_whichever_way_round_it_was_dismissed() {
        var stored = List.of(pair(1, 2, 0.99), pair(1, 3, 0.98));
        var dismissed = Set.of(CasePair.of(new TestCaseId(2), new TestCaseId(1)));
        assertThat(new Similarity(0.9).duplicates(stored, LOOKUP, dismissed))
                .extracting(p -> p.first().key().value() + "~" + p.second().key().value()).containsExactly("TC-1~TC-3");
    }

    @Test void a_pair_with_a_case_that_is_gone_is_left_out() {
        assertThat(new Similarity(0.9).duplicates(List.of(pair(1, 99, 0.99)), LOOKUP, Set.of())).isEmpty();
    }

    @Test void a_preview_text_is_compared_with_each_stored_case() {
        var hits = new Similarity(0.9).similarTo(new float[]{1, 0}, List.of(v(1, 1, 0.01f), v(2, 0, 1), v(3, 1, 0.3f)));
        assertThat(hits).extracting(e -> e.getKey().value()).containsExactly(1L, 3L);
    }

    @Test void a_threshold_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> new Similarity(1.5)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Similarity(0)).isInstanceOf(InvalidInput.class);
    }

    @Test void a_case_is_never_paired_with_itself() {
        assertThatThrownBy(() -> CasePair.of(new TestCaseId(1), new TestCaseId(1))).isInstanceOf(InvalidInput.class);
    }
}
