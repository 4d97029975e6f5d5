package dev.concierge.adapter.persistence.alpha;

import dev.concierge.domain.alpha.model.AlphaThing;
import dev.concierge.domain.alpha.port.out.AlphaStore;

/** Fixture, violates the naming rule on purpose: a persistence port implementation not named Jooq*. */
public final class AlphaStoreAdapter implements AlphaStore {
    @Override public void save(AlphaThing thing) {}
}
