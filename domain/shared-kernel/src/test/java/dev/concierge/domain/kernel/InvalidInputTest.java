package dev.concierge.domain.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidInputTest {

    @Test
    void a_single_field_problem_carries_the_field_its_code_and_figures_never_a_sentence() {
        InvalidInput error = InvalidInput.field("limit", Validation.RANGE, 1, 100);

        assertThat(error.details()).containsExactly(new FieldError("limit", "range", List.of(1, 100)));
        assertThat(error.getMessage()).contains("limit").contains("range"); // for logs
    }

    @Test
    void every_invalid_input_shares_the_invalid_request_code() {
        assertThat(InvalidInput.field("a", Validation.REQUIRED).code())
                .isEqualTo(new InvalidInput(List.of(FieldError.of("c", Validation.BLANK))).code())
                .isEqualTo("invalid_request");
    }
}
