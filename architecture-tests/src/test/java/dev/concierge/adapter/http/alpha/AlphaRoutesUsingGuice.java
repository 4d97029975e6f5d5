package dev.concierge.adapter.http.alpha;

import com.google.inject.Injector;

/** Fixture, violates rule 4 on purpose: Guice in a class that is not a Guice module. */
public final class AlphaRoutesUsingGuice {
    Injector injector;
}
