package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FavouriteTypeTest {

    @Test
    void every_type_is_found_by_its_wire_name() {
        for (FavouriteType type : FavouriteType.values()) {
            assertThat(FavouriteType.parse(type.wireName())).isEqualTo(type);
        }
    }

    @Test
    void a_type_is_recognised_regardless_of_case_and_surrounding_spaces() {
        assertThat(FavouriteType.parse(" Horoscope ")).isEqualTo(FavouriteType.HOROSCOPE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "video", "quotes"})
    void anything_but_quote_or_horoscope_is_rejected_naming_the_type(String value) {
        assertThatThrownBy(() -> FavouriteType.parse(value))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("type"));
    }
}
