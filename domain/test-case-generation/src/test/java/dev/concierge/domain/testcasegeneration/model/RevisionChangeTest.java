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

    @Test void the_stored_line_reads_back_as_the_same_figures_as_the_procedures_give() {
        Procedure before = steps("a", "b", "c");
        Procedure after = steps("a", "B", "c", "d", "e");

        RevisionChange direct = RevisionChange.between(before, after);
        RevisionChange read = RevisionChange.parse(RevisionSummary.between(before, after), after.steps().size());

        assertThat(read).isEqualTo(direct);
        assertThat(read.changed()).containsExactly(2);
        assertThat(read.added()).containsExactly(4, 5);
    }

    @Test void removed_steps_and_many_changes_are_counted() {
        Procedure before = steps(IntStream.rangeClosed(1, 9).mapToObj(i -> "s" + i).toArray(String[]::new));
        Procedure after = steps(IntStream.rangeClosed(1, 8).mapToObj(i -> "t" + i).toArray(String[]::new));

        RevisionChange read = RevisionChange.parse(RevisionSummary.between(before, after), 8);

        assertThat(read.changedCount()).isEqualTo(8);
        assertThat(read.removed()).isEqualTo(1);
    }

    @Test void the_first_procedure_and_no_change_are_recognised() {
        assertThat(RevisionChange.parse("first procedure, 4 steps", 4)).isEqualTo(RevisionChange.firstOf(steps("a", "b", "c", "d")));
        assertThat(RevisionChange.parse("no change", 2).none()).isTrue();
    }
}
