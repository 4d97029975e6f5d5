package dev.concierge.domain.testcasegeneration.port.in;

import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;

/** Suites belong to a team: only its members see or change them (others get not found). */
public interface ManageSuitesUseCase {
    Suite create(CreateSuiteCommand command);

    Suite get(Actor actor, SuiteId id);

    Page<Suite> list(Actor actor, PageRequest page);

    /** A new name and description; the team stays. */
    Suite rename(Actor actor, SuiteId id, NewSuite suite);

    /** Deletes the suite with every case, revision, batch and export record in it. */
    void delete(Actor actor, SuiteId id);
}
