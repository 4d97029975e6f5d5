package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lengths count characters, as the API document's maxLength and PostgreSQL's length() do, not UTF-16 units. */
class NewFavouriteLengthTest {
    private static final String EMOJI = "😀"; // one character, two UTF-16 units

    @Test void content_of_the_maximum_number_of_characters_outside_the_basic_plane_is_accepted() {
        assertThatCode(() -> new NewFavourite(FavouriteType.QUOTE, EMOJI.repeat(NewFavourite.MAX_CONTENT_LENGTH), null))
                .doesNotThrowAnyException();
    }

    @Test void one_character_more_is_refused() {
        assertThatThrownBy(() -> new NewFavourite(FavouriteType.QUOTE, EMOJI.repeat(NewFavourite.MAX_CONTENT_LENGTH + 1), null))
                .isInstanceOf(InvalidInput.class);
    }
}
