package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewFavouriteTest {

    private static NewFavourite quote(String content, String author) {
        return new NewFavourite(FavouriteType.QUOTE, content, author);
    }

    private static String text(int length) {
        return "x".repeat(length);
    }

    @Test
    void content_and_author_are_kept_without_surrounding_spaces() {
        NewFavourite favourite = quote("  Stay hungry.\n", "  Steve Jobs ");

        assertThat(favourite.content()).isEqualTo("Stay hungry.");
        assertThat(favourite.author()).isEqualTo("Steve Jobs");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void a_missing_or_blank_author_means_no_author(String author) {
        assertThat(quote("Stay hungry.", author).author()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void missing_or_blank_content_is_rejected_naming_the_content(String content) {
        assertThatThrownBy(() -> quote(content, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("content"));
    }

    @Test
    void content_of_exactly_the_maximum_length_is_accepted() {
        assertThat(quote(text(NewFavourite.MAX_CONTENT_LENGTH), null).content())
                .hasSize(NewFavourite.MAX_CONTENT_LENGTH);
    }

    @Test
    void content_one_character_over_the_maximum_is_rejected_naming_the_content() {
        assertThatThrownBy(() -> quote(text(NewFavourite.MAX_CONTENT_LENGTH + 1), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("content"));
    }

    @Test
    void surrounding_spaces_do_not_count_towards_the_content_length() {
        String padded = "   " + text(NewFavourite.MAX_CONTENT_LENGTH) + "   ";

        assertThat(quote(padded, null).content()).hasSize(NewFavourite.MAX_CONTENT_LENGTH);
    }

    @Test
    void an_author_of_exactly_the_maximum_length_is_accepted() {
        assertThat(quote("Stay hungry.", text(NewFavourite.MAX_AUTHOR_LENGTH)).author())
                .hasSize(NewFavourite.MAX_AUTHOR_LENGTH);
    }

    @Test
    void an_author_one_character_over_the_maximum_is_rejected_naming_the_author() {
        assertThatThrownBy(() -> quote("Stay hungry.", text(NewFavourite.MAX_AUTHOR_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("author"));
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThatThrownBy(() -> quote(" ", text(NewFavourite.MAX_AUTHOR_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("content", "author"));
    }

    @Test
    void a_favourite_without_a_type_is_a_programming_error() {
        assertThatThrownBy(() -> new NewFavourite(null, "Stay hungry.", null))
                .isInstanceOf(NullPointerException.class);
    }
}
