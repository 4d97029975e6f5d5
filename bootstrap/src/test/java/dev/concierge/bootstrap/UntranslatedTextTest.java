package dev.concierge.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The language checks of the page walks must be able to fail: they find what they are meant to find. */
class UntranslatedTextTest {
    @Test void japanese_left_on_an_english_page_is_found_unless_it_is_data() {
        String page = "Trips\n大阪の顧客訪問 · Tue 1 Dec 2026\n保存しました\nSaved\n日本語";

        assertThat(UntranslatedText.japaneseIn(page, Set.of("大阪の顧客訪問"))).containsExactly("保存しました");
        assertThat(UntranslatedText.japaneseIn(page, Set.of("大阪の顧客訪問", "保存しました"))).isEmpty();
    }

    @Test void english_left_on_a_japanese_page_is_found_unless_it_is_data() {
        assertThat(UntranslatedText.englishIn("出張\nSaved the trip\nAcme", Set.of("Acme"))).containsExactly("Saved the trip");
    }
}
