package dev.concierge.adapter.http.alpha;

import dev.concierge.domain.alpha.model.AlphaThing;
import dev.concierge.domain.alpha.port.in.AlphaEvent;
import dev.concierge.domain.alpha.port.in.NameAlphaCommand;
import dev.concierge.domain.alpha.port.in.NameAlphaUseCase;
import dev.concierge.domain.kernel.UserId;

/** Fixture, compliant: routes calling a use case with its command, reading the model and kernel types it returns. */
public final class HttpUsesUseCase {
    NameAlphaUseCase names;

    AlphaThing name(UserId user, AlphaEvent.Named event) { return names.name(new NameAlphaCommand(user + event.name())); }
}
