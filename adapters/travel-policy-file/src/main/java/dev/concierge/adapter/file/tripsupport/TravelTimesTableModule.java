package dev.concierge.adapter.file.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.tripsupport.port.out.TravelTimes;

/** Travel times for the day's route from the built-in table, with {@code ROUTE_FALLBACK_SPEED_KMH} for unlisted pairs. */
public final class TravelTimesTableModule extends AbstractModule {
    private final double fallbackKmh;

    public TravelTimesTableModule(double fallbackKmh) { this.fallbackKmh = fallbackKmh; }

    @Provides @Singleton TravelTimes travelTimes() { return TableTravelTimes.builtIn(fallbackKmh); }
}
