package dev.concierge.adapter.http.alpha;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;

import java.util.List;

/** Fixture, compliant: a Guice module, with the anonymous TypeLiteral subclass Guice users write. */
public final class AlphaHttpModule extends AbstractModule {
    @Override protected void configure() {
        Multibinder.newSetBinder(binder(), new TypeLiteral<List<String>>() {});
    }
}
