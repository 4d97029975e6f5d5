package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZodiacSignTest {

    private static boolean covers(ZodiacSign sign, MonthDay day) {
        boolean wrapsAroundNewYear = sign.from().isAfter(sign.to());
        boolean onOrAfterStart = !day.isBefore(sign.from());
        boolean onOrBeforeEnd = !day.isAfter(sign.to());
        return wrapsAroundNewYear ? onOrAfterStart || onOrBeforeEnd : onOrAfterStart && onOrBeforeEnd;
    }

    @Test
    void every_sign_is_found_by_its_wire_name() {
        for (ZodiacSign sign : ZodiacSign.values()) {
            assertThat(ZodiacSign.parse(sign.wireName())).isEqualTo(sign);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LEO", "Leo", " leo "})
    void a_sign_is_recognised_regardless_of_case_and_surrounding_spaces(String value) {
        assertThat(ZodiacSign.parse(value)).isEqualTo(ZodiacSign.LEO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ophiuchus", "獅子座", "leo!"})
    void an_unknown_sign_is_rejected_naming_the_sign(String value) {
        assertThatThrownBy(() -> ZodiacSign.parse(value))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.details())
                        .extracting(FieldError::field).containsExactly("sign"));
    }

    @Test
    void every_day_of_a_leap_year_belongs_to_exactly_one_sign() {
        LocalDate day = LocalDate.of(2024, 1, 1);
        while (day.getYear() == 2024) {
            MonthDay monthDay = MonthDay.from(day);
            List<ZodiacSign> owners = Arrays.stream(ZodiacSign.values()).filter(s -> covers(s, monthDay)).toList();
            assertThat(owners).as("signs covering %s", monthDay).hasSize(1);
            day = day.plusDays(1);
        }
    }

    @Test
    void each_sign_starts_the_day_after_the_previous_one_ends() {
        ZodiacSign[] signs = ZodiacSign.values();
        for (int i = 0; i < signs.length; i++) {
            ZodiacSign next = signs[(i + 1) % signs.length];
            LocalDate end = signs[i].to().atYear(2023);
            assertThat(MonthDay.from(end.plusDays(1))).as("start of %s", next).isEqualTo(next.from());
        }
    }

    @Test
    void aries_is_named_in_the_reader_s_language() {
        assertThat(ZodiacSign.ARIES.displayName(Language.EN)).isEqualTo("Aries");
        assertThat(ZodiacSign.ARIES.displayName(Language.JA)).isEqualTo("牡羊座");
    }

    @Test
    void every_japanese_sign_name_is_written_in_japanese() {
        for (ZodiacSign sign : ZodiacSign.values()) {
            assertThat(Language.detect(sign.displayName(Language.JA))).as(sign.name()).isEqualTo(Language.JA);
        }
    }
}
