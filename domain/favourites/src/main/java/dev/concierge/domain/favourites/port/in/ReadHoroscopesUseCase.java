package dev.concierge.domain.favourites.port.in;

import dev.concierge.domain.favourites.model.Horoscope;
import dev.concierge.domain.favourites.model.ZodiacSign;
import dev.concierge.domain.kernel.Language;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public interface ReadHoroscopesUseCase {
    /** One sign's reading for {@code date} (today when empty). */
    Horoscope read(ZodiacSign sign, Optional<LocalDate> date, Language language);

    /** All twelve readings for {@code date} (today when empty), in zodiac order. */
    List<Horoscope> readAll(Optional<LocalDate> date, Language language);
}
