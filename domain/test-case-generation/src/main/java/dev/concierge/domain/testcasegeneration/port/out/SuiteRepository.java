package dev.concierge.domain.testcasegeneration.port.out;

import dev.concierge.domain.kernel.Page;
import dev.concierge.domain.kernel.PageRequest;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

public interface SuiteRepository {
    Suite create(NewSuite suite, String team, UserId createdBy, Instant at);

    Optional<Suite> find(SuiteId id);

    /** Suites of any of the given teams, newest first. */
    Page<Suite> list(Set<String> teams, PageRequest page);

    /** New name and description; empty when the suite is gone. */
    Optional<Suite> rename(SuiteId id, NewSuite suite);

    /** Removes the suite and everything in it; false when it was already gone. */
    boolean delete(SuiteId id);
}
