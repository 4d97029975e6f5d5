package dev.concierge.adapter.http;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.Validation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A form's fields read as the reader calls them, in both languages; a field the bundle does not name shows as sent. */
class FieldNamesTest {
    private final List<FieldError> trip = List.of(
            FieldError.of("origin", Validation.LENGTH, 1, 100),
            FieldError.of("startDate", Validation.REQUIRED),
            FieldError.of("endDate", Validation.BEFORE, "startDate"));

    @Test void a_trip_form_summary_is_japanese_through_and_through() {
        String summary = FieldErrorTexts.summary(trip, Language.JA);

        assertThat(summary).contains("出発地", "開始日", "終了日: 開始日より前にはできません")
                .doesNotContain("origin", "startDate", "endDate");
    }

    @Test void and_english_with_words_not_json_names() {
        assertThat(FieldErrorTexts.summary(trip, Language.EN))
                .contains("departure city", "start date", "must not be before the start date").doesNotContain("startDate");
    }

    @Test void a_field_no_bundle_names_shows_as_sent() {
        assertThat(FieldErrorTexts.field("items[3].fare.currency", Language.JA)).isEqualTo("items[3].fare.currency");
    }
}
