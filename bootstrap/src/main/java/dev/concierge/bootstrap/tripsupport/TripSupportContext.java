package dev.concierge.bootstrap.tripsupport;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.concierge.adapter.file.tripsupport.TravelPolicyFileModule;
import dev.concierge.adapter.file.tripsupport.TravelTimesTableModule;
import dev.concierge.adapter.http.tripsupport.TripSupportHttpModule;
import dev.concierge.adapter.llm.tripsupport.TripSupportLlmModule;
import dev.concierge.bootstrap.ContextModule;
import dev.concierge.bootstrap.Settings;

/** Trip support: the travel policy file, its use cases, the assistant on the model, its API and pages. */
public final class TripSupportContext implements ContextModule {
    @Override public Module module(Settings settings) {
        return Modules.combine(
                new TravelPolicyFileModule(settings.travelPolicyFile()),
                new TravelTimesTableModule(settings.routeFallbackSpeedKmh()),
                new TripSupportModule(),
                new TripSupportLlmModule(),
                new TripAssistantModule());
    }

    @Override public Module httpModule(Settings settings) {
        return new TripSupportHttpModule();
    }
}
