package dev.concierge.domain.testcasegeneration.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionChangeTest {
    private static Procedure steps(String... actions) {
        return new Procedure(List.of(actions).stream().map(a -> new Step(a, a + " works", Optional.empty())).toList());
    }

    @Test void changed_and_added_steps_are_named_by_number() {
        RevisionChange change = RevisionChange.between(steps("a", "b", "c"), steps("a", "B", "c", "d", "e"));

        assertThat(change.changed()).containsExactly(2);
        assertThat(change.added()).containsExactly(4, 5);
        assertThat(change.removed()).isZero();
        assertThat(change.none()).isFalse();
    }

    @Test void removed_steps_and_many_changes_are_counted() {
        Procedure before = steps(IntStream.rangeClosed(1, 9).mapToObj(i -> "s" + i).toArray(String[]::new));
        Procedure after = steps(IntStream.rangeClosed(1, 8).mapToObj(i -> "t" + i).toArray(String[]::new));

        RevisionChange change = RevisionChange.between(before, after);

        assertThat(change.changedCount()).isEqualTo(8);
        assertThat(change.removed()).isEqualTo(1);
    }

    @Test void the_first_procedure_and_no_change_are_recognised() {
        assertThat(RevisionChange.firstOf(steps("a", "b")).first()).isTrue();
        assertThat(RevisionChange.between(steps("a", "b"), steps("a", "b")).none()).isTrue();
    }
}
