package dev.concierge.domain.favourites.application;

import dev.concierge.domain.favourites.model.Horoscope;
import dev.concierge.domain.favourites.model.HoroscopeWriter;
import dev.concierge.domain.favourites.model.ZodiacSign;
import dev.concierge.domain.favourites.port.in.ReadHoroscopesUseCase;
import dev.concierge.domain.kernel.Language;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

public final class ReadHoroscopesService implements ReadHoroscopesUseCase {
    private final Clock clock;

    public ReadHoroscopesService(Clock clock) { this.clock = clock; }

    @Override public Horoscope read(ZodiacSign sign, Optional<LocalDate> date, Language language) {
        return HoroscopeWriter.write(sign, date.orElseGet(() -> LocalDate.now(clock)), language);
    }

    @Override public List<Horoscope> readAll(Optional<LocalDate> date, Language language) {
        LocalDate day = date.orElseGet(() -> LocalDate.now(clock));
        return Arrays.stream(ZodiacSign.values()).map(sign -> HoroscopeWriter.write(sign, day, language)).toList();
    }
}
