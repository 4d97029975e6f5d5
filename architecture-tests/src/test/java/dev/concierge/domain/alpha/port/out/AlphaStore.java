package dev.concierge.domain.alpha.port.out;

import dev.concierge.domain.alpha.model.AlphaThing;

/** Fixture, compliant: a driven port. */
public interface AlphaStore {
    void save(AlphaThing thing);
}
