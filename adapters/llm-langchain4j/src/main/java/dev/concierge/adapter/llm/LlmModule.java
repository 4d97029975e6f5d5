package dev.concierge.adapter.llm;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** The configured model and its reachability. Contexts' model adapters are added as the contexts land. */
public final class LlmModule extends AbstractModule {
    private final LlmConfig config;

    public LlmModule(LlmConfig config) { this.config = config; }

    @Override protected void configure() {
        bind(LlmConfig.class).toInstance(config);
    }

    @Provides @Singleton LlmReachability reachability() { return new LlmReachability(config); }
}
