package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FavouriteSortTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void no_sort_given_lists_the_newest_first(String value) {
        assertThat(FavouriteSort.parse(value)).isEqualTo(FavouriteSort.NEWEST);
    }

    @Test
    void every_sort_is_found_by_its_wire_name() {
        for (FavouriteSort sort : FavouriteSort.values()) {
            assertThat(FavouriteSort.parse(sort.wireName())).isEqualTo(sort);
        }
    }

    @Test
    void likes_sorts_by_most_liked() {
        assertThat(FavouriteSort.parse("likes")).isEqualTo(FavouriteSort.MOST_LIKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oldest", "most_liked", "random"})
    void an_unknown_sort_is_rejected_naming_the_sort(String value) {
        assertThatThrownBy(() -> FavouriteSort.parse(value))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("sort"));
    }
}
