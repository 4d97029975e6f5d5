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

    @Test void cosine_is_one_for_parallel_vectors_and_zero_for_orthogonal_or_mismatched_ones() {
        assertThat(Similarity.cosine(new float[]{1, 2}, new float[]{2, 4})).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Similarity.cosine(new float[]{1, 0}, new float[]{0, 1})).isZero();
        assertThat(Similarity.cosine(new float[]{1, 0}, new float[]{1, 0, 0})).isZero();
        assertThat(Similarity.cosine(new float[]{0, 0}, new float[]{1, 0})).isZero();
    }

    @Test void pairs_at_or_above_the_threshold_are_listed_most_similar_first() {
        var pairs = new Similarity(0.9).pairs(List.of(v(1, 1, 0), v(2, 1, 0.1f), v(3, 1, 0.4f), v(4, 0, 1)), LOOKUP, Set.of());
        assertThat(pairs).extracting(p -> p.first().key().value() + "~" + p.second().key().value())
                .containsExactly("TC-1~TC-2", "TC-2~TC-3", "TC-1~TC-3");
        assertThat(pairs.getFirst().percent()).isEqualTo(99);
    }

    @Test void a_pair_just_below_the_threshold_is_not_a_duplicate() {
        // cos = 0.8 (in float, a hair below): under 0.81, above 0.79
        assertThat(new Similarity(0.81).pairs(List.of(v(1, 1, 0), v(2, 0.8f, 0.6f)), LOOKUP, Set.of())).isEmpty();
        assertThat(new Similarity(0.79).pairs(List.of(v(1, 1, 0), v(2, 0.8f, 0.6f)), LOOKUP, Set.of())).hasSize(1);
    }

    @Test void a_dismissed_pair_is_left_out_whichever_way_round_it_was_dismissed() {
        var dismissed = Set.of(CasePair.of(new TestCaseId(2), new TestCaseId(1)));
        assertThat(new Similarity(0.9).pairs(List.of(v(1, 1, 0), v(2, 1, 0), v(3, 1, 0)), LOOKUP, dismissed))
                .extracting(p -> p.first().key().value() + "~" + p.second().key().value()).containsExactly("TC-1~TC-3", "TC-2~TC-3");
    }

    @Test void vectors_of_two_models_are_never_compared() {
        var other = new CaseVector(new TestCaseId(2), "other-model", "h", new float[]{1, 0});
        assertThat(new Similarity(0.5).pairs(List.of(v(1, 1, 0), other), LOOKUP, Set.of())).isEmpty();
    }

    @Test void pairs_with_some_cases_name_each_pair_once() {
        var all = List.of(v(1, 1, 0), v(2, 1, 0), v(3, 1, 0));
        assertThat(new Similarity(0.9).pairsWith(List.of(v(1, 1, 0), v(2, 1, 0)), all, LOOKUP, Set.of())).hasSize(3);
    }

    @Test void a_threshold_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> new Similarity(1.5)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Similarity(0)).isInstanceOf(InvalidInput.class);
    }

    @Test void a_case_is_never_paired_with_itself() {
        assertThatThrownBy(() -> CasePair.of(new TestCaseId(1), new TestCaseId(1))).isInstanceOf(InvalidInput.class);
    }
}
