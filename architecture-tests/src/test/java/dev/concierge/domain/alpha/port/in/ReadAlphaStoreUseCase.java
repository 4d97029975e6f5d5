package dev.concierge.domain.alpha.port.in;

import dev.concierge.domain.alpha.port.out.AlphaStore;

/** Fixture, violates the port.in rule on purpose: a use case that hands its caller a driven port. */
public interface ReadAlphaStoreUseCase {
    AlphaStore store();
}
