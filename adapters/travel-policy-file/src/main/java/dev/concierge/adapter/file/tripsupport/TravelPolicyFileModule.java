package dev.concierge.adapter.file.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.domain.tripsupport.port.out.TravelPolicySource;

import java.nio.file.Path;
import java.util.Optional;

/** The travel policy from {@code TRAVEL_POLICY_FILE}, or the built-in default; read (and checked) when the injector starts. */
public final class TravelPolicyFileModule extends AbstractModule {
    private final Optional<Path> file;

    public TravelPolicyFileModule(Optional<Path> file) { this.file = file; }

    @Provides @Singleton TravelPolicySource travelPolicy() { return PropertiesFileTravelPolicy.load(file); }
}
