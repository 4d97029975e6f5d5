package dev.concierge.domain.alpha.application;

import dev.concierge.domain.alpha.model.AlphaThing;
import dev.concierge.domain.alpha.port.in.NameAlphaCommand;
import dev.concierge.domain.alpha.port.in.NameAlphaUseCase;

/** Fixture, compliant: the service behind a use case, which adapters must not call directly (rule 5). */
public final class AlphaService implements NameAlphaUseCase {
    @Override public AlphaThing name(NameAlphaCommand command) { return new AlphaThing(null, command.name()); }
}
