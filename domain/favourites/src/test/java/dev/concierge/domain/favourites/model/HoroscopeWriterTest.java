package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.Language;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HoroscopeWriterTest {

    private static final LocalDate A_DAY = LocalDate.of(2025, 3, 21);

    @Test
    void the_same_sign_date_and_language_always_read_the_same() {
        Horoscope first = HoroscopeWriter.write(ZodiacSign.LEO, A_DAY, Language.EN);
        Horoscope again = HoroscopeWriter.write(ZodiacSign.LEO, LocalDate.of(2025, 3, 21), Language.EN);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void the_reading_is_for_the_sign_date_and_language_asked_for() {
        Horoscope horoscope = HoroscopeWriter.write(ZodiacSign.PISCES, A_DAY, Language.JA);

        assertThat(horoscope.sign()).isEqualTo(ZodiacSign.PISCES);
        assertThat(horoscope.date()).isEqualTo(A_DAY);
        assertThat(horoscope.language()).isEqualTo(Language.JA);
    }

    @Test
    void most_days_of_a_month_read_differently() {
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 30; i++) texts.add(HoroscopeWriter.write(ZodiacSign.LEO, A_DAY.plusDays(i), Language.EN).text());

        assertThat(texts).hasSizeGreaterThan(20);
    }

    @Test
    void different_signs_on_the_same_day_mostly_read_differently() {
        Set<String> texts = new HashSet<>();
        for (ZodiacSign sign : ZodiacSign.values()) texts.add(HoroscopeWriter.write(sign, A_DAY, Language.EN).text());

        assertThat(texts).hasSizeGreaterThan(6);
    }

    @Test
    void english_and_japanese_readings_share_the_lucky_number_and_rating() {
        for (ZodiacSign sign : ZodiacSign.values()) {
            for (int i = 0; i < 31; i++) {
                LocalDate day = A_DAY.plusDays(i);
                Horoscope english = HoroscopeWriter.write(sign, day, Language.EN);
                Horoscope japanese = HoroscopeWriter.write(sign, day, Language.JA);

                assertThat(japanese.luckyNumber()).as("%s %s", sign, day).isEqualTo(english.luckyNumber());
                assertThat(japanese.rating()).as("%s %s", sign, day).isEqualTo(english.rating());
            }
        }
    }

    @Test
    void a_japanese_reading_is_written_in_japanese() {
        for (ZodiacSign sign : ZodiacSign.values()) {
            Horoscope japanese = HoroscopeWriter.write(sign, A_DAY, Language.JA);

            assertThat(Language.detect(japanese.text())).as(sign.name()).isEqualTo(Language.JA);
            assertThat(Language.detect(japanese.luckyColour())).as(sign.name()).isEqualTo(Language.JA);
        }
    }

    @Test
    void an_english_reading_is_written_in_english() {
        for (ZodiacSign sign : ZodiacSign.values()) {
            Horoscope english = HoroscopeWriter.write(sign, A_DAY, Language.EN);

            assertThat(Language.detect(english.text())).as(sign.name()).isEqualTo(Language.EN);
            assertThat(Language.detect(english.luckyColour())).as(sign.name()).isEqualTo(Language.EN);
        }
    }

    @Test
    void rating_and_lucky_number_stay_in_range_for_every_sign_over_a_leap_year() {
        for (ZodiacSign sign : ZodiacSign.values()) {
            for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
                Horoscope horoscope = HoroscopeWriter.write(sign, day, Language.EN);

                assertThat(horoscope.rating()).as("%s %s", sign, day).isBetween(1, 5);
                assertThat(horoscope.luckyNumber()).as("%s %s", sign, day).isBetween(1, 99);
            }
        }
    }

    @Test
    void over_a_year_every_rating_from_quiet_to_excellent_occurs() {
        Set<Integer> ratings = new HashSet<>();
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            ratings.add(HoroscopeWriter.write(ZodiacSign.VIRGO, day, Language.EN).rating());
        }

        assertThat(ratings).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void the_sign_is_named_in_the_reading_s_language() {
        assertThat(HoroscopeWriter.write(ZodiacSign.ARIES, A_DAY, Language.JA).signName()).isEqualTo("牡羊座");
        assertThat(HoroscopeWriter.write(ZodiacSign.ARIES, A_DAY, Language.EN).signName()).isEqualTo("Aries");
    }
}
