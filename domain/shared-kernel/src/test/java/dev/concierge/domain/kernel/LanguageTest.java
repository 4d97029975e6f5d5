package dev.concierge.domain.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @ParameterizedTest
    @ValueSource(strings = {"ja", "ja-JP", "JA-jp", "ja_JP", " ja "})
    void a_japanese_tag_with_or_without_a_region_is_japanese(String tag) {
        assertThat(Language.fromTag(tag)).contains(Language.JA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "en-GB", "EN"})
    void an_english_tag_with_or_without_a_region_is_english(String tag) {
        assertThat(Language.fromTag(tag)).contains(Language.EN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "fr-FR", "", "  ", "-ja"})
    void a_tag_in_a_language_concierge_does_not_write_gives_no_language(String tag) {
        assertThat(Language.fromTag(tag)).isEmpty();
    }

    @Test
    void a_missing_tag_gives_no_language() {
        assertThat(Language.fromTag(null)).isEmpty();
    }

    @Test
    void every_language_is_found_by_its_own_tag() {
        for (Language language : Language.values()) {
            assertThat(Language.fromTag(language.tag())).contains(language);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"こんにちは", "カタカナ", "東京", "I will visit 京都 tomorrow", "ありがとう!"})
    void text_holding_kana_or_kanji_is_detected_as_japanese(String text) {
        assertThat(Language.detect(text)).isEqualTo(Language.JA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Where is the station?", "", "12345 !?", "Café crème"})
    void text_without_kana_or_kanji_is_detected_as_english(String text) {
        assertThat(Language.detect(text)).isEqualTo(Language.EN);
    }

    @Test
    void missing_text_is_treated_as_english() {
        assertThat(Language.detect(null)).isEqualTo(Language.EN);
    }
}
