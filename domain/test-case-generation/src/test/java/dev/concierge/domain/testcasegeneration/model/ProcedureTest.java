package dev.concierge.domain.testcasegeneration.model;

import dev.concierge.domain.kernel.FieldError;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProcedureTest {

    @Test void a_procedure_keeps_its_steps_in_order_with_text_stripped() {
        Procedure procedure = new Procedure(List.of(new Step("  Open the page ", "The page is shown"), new Step("Click save", "Saved", Optional.of(" id=7 "))));

        assertThat(procedure.steps()).extracting(Step::action).containsExactly("Open the page", "Click save");
        assertThat(procedure.steps().get(1).testData()).contains("id=7");
    }

    @Test void blank_test_data_counts_as_none() {
        assertThat(new Step("a", "b", Optional.of("   ")).testData()).isEmpty();
    }

    @Test void a_procedure_needs_at_least_one_step() {
        assertThatThrownBy(() -> new Procedure(List.of()))
                .isInstanceOfSatisfying(InvalidProcedure.class, e -> assertThat(e.details()).extracting(FieldError::field).containsExactly("steps"));
    }

    @Test void every_blank_action_and_expected_result_is_named_by_its_step() {
        var invalid = catchThrowableOfType(InvalidProcedure.class,
                () -> new Procedure(List.of(new Step("ok", "ok"), new Step(" ", "shown"), new Step("do", ""))));

        assertThat(invalid.details()).extracting(FieldError::field).containsExactly("steps[1].action", "steps[2].expectedResult");
        assertThat(invalid.details()).extracting(FieldError::code).containsOnly("blank");
    }

    @Test void more_than_the_maximum_of_steps_is_refused() {
        List<Step> steps = Collections.nCopies(Procedure.MAX_STEPS + 1, new Step("a", "b"));

        assertThatThrownBy(() -> new Procedure(steps)).isInstanceOfSatisfying(InvalidProcedure.class,
                invalid -> assertThat(invalid.details()).containsExactly(FieldError.of("steps", "too_many", Procedure.MAX_STEPS)));
        assertThat(new Procedure(steps.subList(0, Procedure.MAX_STEPS)).steps()).hasSize(Procedure.MAX_STEPS);
    }

    @Test void text_longer_than_the_maximum_is_refused_per_field() {
        String tooLong = "x".repeat(Step.MAX_TEXT_LENGTH + 1);

        var invalid = catchThrowableOfType(InvalidProcedure.class,
                () -> new Procedure(List.of(new Step(tooLong, "b", Optional.of(tooLong)))));

        assertThat(invalid.details()).extracting(FieldError::field).containsExactly("steps[0].action", "steps[0].testData");
    }

    @Test void problems_of_valid_steps_are_none() {
        assertThat(Procedure.problemsOf(List.of(new Step("a", "b")))).isEmpty();
    }
}
