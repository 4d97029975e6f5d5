package dev.concierge.adapter.file.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.tripsupport.port.out.TravelPolicySource;
import dev.concierge.domain.tripsupport.port.out.TravellerDirectory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The travel policy from {@code TRAVEL_POLICY_FILE}, or the built-in default, and the travellers from
 * {@code TRAVELLERS_FILE}; read (and checked) when the injector starts.
 */
public final class TravelPolicyFileModule extends AbstractModule {
    private final Optional<Path> file;
    private final Optional<Path> travellersFile;

    public TravelPolicyFileModule(Optional<Path> file) { this(file, Optional.empty()); }

    public TravelPolicyFileModule(Optional<Path> file, Optional<Path> travellersFile) {
        this.file = file;
        this.travellersFile = travellersFile;
    }

    @Provides @Singleton TravelPolicySource travelPolicy() { return PropertiesFileTravelPolicy.load(file); }

    @Provides @Singleton TravellerDirectory travellers() { return PropertiesFileTravellers.load(travellersFile); }
}
