package dev.concierge.domain.alpha.port.in;

import dev.concierge.domain.alpha.model.AlphaThing;

/** Fixture, compliant: a use case. */
public interface NameAlphaUseCase {
    AlphaThing name(NameAlphaCommand command);
}
