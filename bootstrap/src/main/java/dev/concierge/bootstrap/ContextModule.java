package dev.concierge.bootstrap;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * One bounded context's composition root, found on the class path so that the shared wiring ({@code ConciergeModule},
 * {@code Application}) names no context. A context declares it with one line, its implementing class (public, with
 * a no-argument constructor) in {@code dev.concierge.bootstrap.<context>}, in
 * {@code META-INF/services/dev.concierge.bootstrap.ContextModule}.
 * <p>
 * {@link #module(Settings)} binds the context's use cases and installs its driven adapters' Guice modules that need
 * settings (its model and file adapters), in every {@code ROLE}; {@link #httpModule(Settings)} its routes and pages,
 * installed only where the instance serves users. What the adapters find on their own is not
 * repeated here: the persistence module ({@code PersistenceContext}, installed by {@code PersistenceModule}, migrated
 * before the injector exists) and the HTTP messages, OpenAPI fragment and assets ({@code HttpContext}). Work that runs
 * beside the requests (job workers, gauges) is bound with {@link #backgroundWork(Binder)}; health indicators with
 * {@code HttpModule.healthIndicators} and {@code HttpModule.readinessIndicators}.
 */
public interface ContextModule {
    /** The context's use cases, driven adapters, background work and health under these settings, in every role. */
    Module module(Settings settings);

    /** The context's routes and pages; installed only when {@code settings.role().servesUsers()}. */
    Module httpModule(Settings settings);

    /** Where a context binds its {@link BackgroundWork}, started and stopped by {@link Application}. */
    static Multibinder<BackgroundWork> backgroundWork(Binder binder) {
        return Multibinder.newSetBinder(binder, BackgroundWork.class);
    }

    /** Every context on the class path, in a stable order (by class name). */
    static List<ContextModule> all() {
        List<ContextModule> found = new ArrayList<>();
        ServiceLoader.load(ContextModule.class, ContextModule.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(context -> context.getClass().getName()));
        return List.copyOf(found);
    }
}
