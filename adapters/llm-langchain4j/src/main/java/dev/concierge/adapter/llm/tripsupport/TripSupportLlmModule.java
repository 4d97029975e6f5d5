package dev.concierge.adapter.llm.tripsupport;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.concierge.adapter.llm.LlmCallMetrics;
import dev.concierge.adapter.llm.LlmCallTraces;
import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.domain.tripsupport.port.out.TripAssistant;
import dev.concierge.domain.tripsupport.port.out.TripDrafter;

import java.time.Clock;

/**
 * Trip support's model adapters: the chat assistant and the drafter. Needs the {@link LlmConfig} bound by
 * {@code LlmModule} and a {@link Clock}.
 */
public final class TripSupportLlmModule extends AbstractModule {
    private final AssistantLimits limits;

    public TripSupportLlmModule() { this(AssistantLimits.DEFAULT); }

    public TripSupportLlmModule(AssistantLimits limits) { this.limits = limits; }

    @Provides @Singleton TripChatModels tripChatModels(LlmConfig config, LlmCallMetrics metrics, LlmCallTraces traces) {
        return TripChatModels.forConfig(config, metrics, traces);
    }

    @Provides @Singleton TripAssistant tripAssistant(TripChatModels models, LlmConfig config, Clock clock) {
        return new LangchainTripAssistant(models, config, clock, limits);
    }

    @Provides @Singleton TripDrafter tripDrafter(TripChatModels models, LlmConfig config) {
        return new LangchainTripDrafter(models.structured(), config, LangchainTripDrafter.MAX_ATTEMPTS);
    }
}
