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
        assertThat(FieldErrorTexts.field("fare.currency", Language.JA)).isEqualTo("fare.currency");
        assertThat(FieldErrorTexts.field("legs[3].fare", Language.JA)).isEqualTo("legs[3].fare");
    }

    @Test void a_row_of_a_form_is_named_as_the_form_shows_it_counted_from_one() {
        List<FieldError> itinerary = List.of(FieldError.of("items[2].end", Validation.BEFORE, "start"),
                FieldError.of("other[0].amount", Validation.RANGE, 0, 100_000_000));

        assertThat(FieldErrorTexts.summary(itinerary, Language.JA))
                .contains("旅程 3 行目の終了: 開始より前にはできません", "その他の費用 1 行目の金額: 0～100,000,000 の範囲で指定してください")
                .doesNotContain("items", "[", "start");
        assertThat(FieldErrorTexts.summary(itinerary, Language.EN))
                .contains("end in itinerary row 3: must not be before start", "amount in other costs row 1");
        assertThat(FieldErrorTexts.field("steps[1].action", Language.JA)).isEqualTo("手順 2 行目の操作");
    }

    @Test void a_priority_is_asked_for_in_the_words_the_readers_sheet_uses() {
        FieldError priority = FieldError.of("line 3: priority", Validation.ONE_OF, "low, medium, high, critical");

        assertThat(FieldErrorTexts.summary(List.of(priority), Language.JA)).contains("3 行目の優先度: 低・中・高・最高");
    }
}
