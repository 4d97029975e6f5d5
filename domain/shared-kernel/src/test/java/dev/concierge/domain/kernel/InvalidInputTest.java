package dev.concierge.domain.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidInputTest {

    @Test
    void a_single_field_problem_names_the_field_in_the_message_and_the_details() {
        InvalidInput error = InvalidInput.field("limit", "must be positive");

        assertThat(error.getMessage()).contains("limit").contains("must be positive");
        assertThat(error.details()).containsExactly(FieldError.of("limit", "must be positive"));
    }

    @Test
    void every_invalid_input_shares_the_invalid_request_code() {
        assertThat(InvalidInput.field("a", "b").code())
                .isEqualTo(new InvalidInput("whole request", FieldError.of("c", "d")).code())
                .isEqualTo("invalid_request");
    }
}
