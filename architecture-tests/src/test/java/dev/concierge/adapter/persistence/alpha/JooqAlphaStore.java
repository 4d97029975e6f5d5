package dev.concierge.adapter.persistence.alpha;

import dev.concierge.adapter.persistence.jooq.alpha.AlphaTable;
import dev.concierge.domain.alpha.model.AlphaThing;
import dev.concierge.domain.alpha.port.out.AlphaStore;

/** Fixture, compliant: alpha's repository, named after its technology, using alpha's own schema. */
public final class JooqAlphaStore implements AlphaStore {
    private final AlphaTable table = new AlphaTable();

    @Override public void save(AlphaThing thing) { table.newRecord(); }

    /** What a sibling must not call: a repository's own static piece. */
    static String rowName(AlphaThing thing) { return String.valueOf(thing); }
}
