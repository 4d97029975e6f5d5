package dev.concierge.domain.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void a_blank_user_id_is_rejected_naming_the_user(String blank) {
        assertThatThrownBy(() -> new UserId(blank))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("user"));
    }

    @Test
    void a_user_id_longer_than_the_maximum_is_rejected() {
        String tooLong = "u".repeat(UserId.MAX_LENGTH + 1);

        assertThatThrownBy(() -> new UserId(tooLong)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_user_id_of_exactly_the_maximum_length_is_accepted() {
        String longest = "u".repeat(UserId.MAX_LENGTH);

        assertThat(new UserId(longest).value()).isEqualTo(longest);
    }

    @Test
    void a_user_id_prints_as_its_value() {
        assertThat(new UserId("alice@example.org")).hasToString("alice@example.org");
    }
}
