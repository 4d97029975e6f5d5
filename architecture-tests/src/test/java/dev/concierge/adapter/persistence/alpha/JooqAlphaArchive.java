package dev.concierge.adapter.persistence.alpha;

import dev.concierge.adapter.persistence.jooq.alpha.AlphaTable;
import dev.concierge.domain.alpha.model.AlphaThing;
import dev.concierge.domain.alpha.port.out.AlphaStore;

/** Fixture, violating: a repository calling a static piece of its sibling repository {@link JooqAlphaStore}. */
public final class JooqAlphaArchive implements AlphaStore {
    private final AlphaTable table = new AlphaTable();

    @Override public void save(AlphaThing thing) {
        table.newRecord();
        JooqAlphaStore.rowName(thing);
    }
}
