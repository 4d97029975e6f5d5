package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FavouriteIdTest {

    @Test
    void a_positive_whole_number_is_an_id() {
        assertThat(FavouriteId.parse("42")).isEqualTo(new FavouriteId(42));
    }

    @Test
    void the_largest_long_is_still_an_id() {
        assertThat(FavouriteId.parse(Long.toString(Long.MAX_VALUE)).value()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "0", "-1", "4.2", "99999999999999999999"})
    void text_that_is_not_a_positive_whole_number_is_rejected_naming_the_id(String text) {
        assertThatThrownBy(() -> FavouriteId.parse(text))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("id"));
    }

    @Test
    void an_id_prints_as_its_number() {
        assertThat(new FavouriteId(7)).hasToString("7");
    }
}
