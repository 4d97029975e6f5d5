package dev.concierge.domain.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ValidationTest {

    @Test void every_problem_of_the_input_is_reported_at_once() {
        var invalid = catchThrowableOfType(InvalidInput.class, () -> new Validation()
                .text("title", "", 1, 200).maxLength("notes", "x".repeat(11), 10).required(null, "startDate").throwIfInvalid());

        assertThat(invalid.details()).containsExactly(
                FieldError.of("title", Validation.LENGTH, 1, 200),
                FieldError.of("notes", Validation.TOO_LONG, 10),
                FieldError.of("startDate", Validation.REQUIRED));
    }

    @Test void lengths_count_characters_as_people_and_openapi_do_so_an_emoji_is_one() {
        String tenEmoji = "😀".repeat(10); // 20 UTF-16 units

        assertThat(Validation.length(tenEmoji)).isEqualTo(10);
        assertThat(new Validation().maxLength("title", tenEmoji, 10).isValid()).isTrue();
        assertThat(new Validation().maxLength("title", tenEmoji + "a", 10).errors())
                .containsExactly(FieldError.of("title", Validation.TOO_LONG, 10));
    }

    @Test void a_blank_required_text_is_reported_with_its_bounds() {
        assertThat(new Validation().text("company", "   ", 1, 200).errors()).containsExactly(FieldError.of("company", Validation.LENGTH, 1, 200));
    }

    @Test void a_nested_value_keeps_its_problems_under_its_place() {
        Validation outer = new Validation();

        Optional<Object> built = outer.nested("items[2].", () -> { throw InvalidInput.field("title", Validation.BLANK); });

        assertThat(built).isEmpty();
        assertThat(outer.errors()).containsExactly(FieldError.of("items[2].title", Validation.BLANK));
    }

    @Test void a_list_of_texts_is_bounded_in_entries_and_in_each_entry() {
        assertThat(new Validation().texts("contacts", List.of("a", "b", "c"), 2, 1).errors()).extracting(FieldError::code)
                .containsExactly(Validation.TOO_MANY);
        assertThat(new Validation().texts("contacts", List.of("ab"), 2, 1).errors()).extracting(FieldError::code)
                .containsExactly(Validation.EACH_TOO_LONG);
    }

    @Test void nothing_is_thrown_while_nothing_is_wrong() {
        new Validation().text("title", "ok", 1, 10).range("limit", 5, 1, 100).throwIfInvalid();

        assertThatThrownBy(() -> new Validation().range("limit", 0, 1, 100).throwIfInvalid()).isInstanceOf(InvalidInput.class);
    }
}
