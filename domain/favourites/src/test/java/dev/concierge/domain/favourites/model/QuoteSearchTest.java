package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.PageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteSearchTest {

    private static QuoteSearch search(String text, String author) {
        return new QuoteSearch(Optional.ofNullable(text), Optional.ofNullable(author), PageRequest.first());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\t\n"})
    void blank_terms_search_for_nothing_in_particular(String blank) {
        QuoteSearch search = search(blank, blank);

        assertThat(search.text()).isEmpty();
        assertThat(search.author()).isEmpty();
    }

    @Test
    void terms_are_searched_without_surrounding_spaces() {
        QuoteSearch search = search("  courage ", " Maya Angelou  ");

        assertThat(search.text()).contains("courage");
        assertThat(search.author()).contains("Maya Angelou");
    }

    @Test
    void a_term_of_exactly_the_maximum_length_is_accepted() {
        String longest = "q".repeat(QuoteSearch.MAX_TERM_LENGTH);

        assertThat(search(longest, null).text()).contains(longest);
    }

    @Test
    void a_text_term_over_the_maximum_length_is_rejected_naming_the_query() {
        String tooLong = "q".repeat(QuoteSearch.MAX_TERM_LENGTH + 1);

        assertThatThrownBy(() -> search(tooLong, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("q"));
    }

    @Test
    void an_author_term_over_the_maximum_length_is_rejected_naming_the_author() {
        String tooLong = "a".repeat(QuoteSearch.MAX_TERM_LENGTH + 1);

        assertThatThrownBy(() -> search(null, tooLong))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("author"));
    }
}
