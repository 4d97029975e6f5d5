package dev.concierge.adapter.llm;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Optional;

/**
 * The configured model, its reachability and the meters of every model call. The meters go to the application's
 * {@link MeterRegistry} when one is bound (the HTTP adapter serves it at {@code /metrics}), else they stay in memory.
 */
public final class LlmModule extends AbstractModule {
    private final LlmConfig config;

    public LlmModule(LlmConfig config) { this.config = config; }

    @Override protected void configure() {
        bind(LlmConfig.class).toInstance(config);
        OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class);
        // spans of model calls: none unless the bootstrap sets a binding (tracing configured by OTEL_* settings)
        OptionalBinder.newOptionalBinder(binder(), LlmCallTraces.class).setDefault().toInstance(LlmCallTraces.off(config));
    }

    @Provides @Singleton LlmReachability reachability() { return new LlmReachability(config); }

    @Provides @Singleton LlmCallMetrics callMetrics(Optional<MeterRegistry> registry) {
        return registry.map(r -> new LlmCallMetrics(r, config)).orElseGet(() -> LlmCallMetrics.inMemory(config));
    }
}
