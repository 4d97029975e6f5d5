package dev.concierge.domain.favourites.application;

import dev.concierge.domain.favourites.model.Horoscope;
import dev.concierge.domain.favourites.model.HoroscopeWriter;
import dev.concierge.domain.favourites.model.ZodiacSign;
import dev.concierge.domain.kernel.Language;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReadHoroscopesServiceTest {

    // Late evening in UTC is already the next day in Tokyo, so reading the date in the wrong zone shows.
    private static final Clock TOKYO_CLOCK = Clock.fixed(Instant.parse("2025-03-09T23:30:00Z"), ZoneId.of("Asia/Tokyo"));

    private final ReadHoroscopesService service = new ReadHoroscopesService(TOKYO_CLOCK);

    @Test
    void without_a_date_all_twelve_readings_are_for_today_in_zodiac_order() {
        LocalDate today = LocalDate.now(TOKYO_CLOCK);

        List<Horoscope> readings = service.readAll(Optional.empty(), Language.EN);

        assertThat(readings).extracting(Horoscope::sign).containsExactly(ZodiacSign.values());
        assertThat(readings).extracting(Horoscope::date).containsOnly(today);
    }

    @Test
    void all_readings_for_a_date_are_those_the_writer_gives_in_the_language_asked() {
        LocalDate date = LocalDate.of(2025, 12, 24);

        List<Horoscope> readings = service.readAll(Optional.of(date), Language.JA);

        assertThat(readings).containsExactly(Arrays.stream(ZodiacSign.values())
                .map(sign -> HoroscopeWriter.write(sign, date, Language.JA)).toArray(Horoscope[]::new));
    }

    @Test
    void without_a_date_one_sign_s_reading_is_for_today() {
        LocalDate today = LocalDate.now(TOKYO_CLOCK);

        Horoscope reading = service.read(ZodiacSign.GEMINI, Optional.empty(), Language.EN);

        assertThat(reading).isEqualTo(HoroscopeWriter.write(ZodiacSign.GEMINI, today, Language.EN));
    }
}
